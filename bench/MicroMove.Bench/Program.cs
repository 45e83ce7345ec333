using MicroMove.Bench;

// Benchmarks print figures; they assert nothing and are not part of the test command.
// Usage: dotnet run -c Release --project bench/MicroMove.Bench -- dispatch [due] [population,population,…]
//        dotnet run -c Release --project bench/MicroMove.Bench -- domain [iterations]
var which = args.FirstOrDefault() ?? "dispatch";
if (which == "domain")
{
    DomainBenchmark.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 20_000);
    return 0;
}

await using var server = await BenchDatabase.StartAsync();
switch (which)
{
    case "dispatch":
        var due = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10_000;
        var populations = args.Length > 2
            ? args[2].Split(',').Select(p => int.Parse(p, System.Globalization.CultureInfo.InvariantCulture)).ToList()
            : [100_000, 1_000_000];
        await DispatchBenchmark.RunAsync(server, due, populations);
        break;
    default:
        Console.Error.WriteLine($"Unknown benchmark '{which}'. Known: dispatch, domain");
        return 1;
}

return 0;
