using MicroMove.Bench;

// Benchmarks print figures; they assert nothing and are not part of the test command.
// Usage: dotnet run -c Release --project bench/MicroMove.Bench -- dispatch [due] [population,population,…]
var which = args.FirstOrDefault() ?? "dispatch";
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
        Console.Error.WriteLine($"Unknown benchmark '{which}'. Known: dispatch");
        return 1;
}

return 0;
