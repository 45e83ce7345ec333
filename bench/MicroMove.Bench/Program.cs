using MicroMove.Bench;

// Benchmarks print figures; they assert nothing and are not part of the test command.
// Usage: dotnet run -c Release --project bench/MicroMove.Bench -- dispatch [due] [population,population,…]
//        dotnet run -c Release --project bench/MicroMove.Bench -- domain [iterations]
//        dotnet run -c Release --project bench/MicroMove.Bench -- fanout [slackPeople] [teamsPeople] [Setting__Name=value …]
//        dotnet run -c Release --project bench/MicroMove.Bench -- summaries [people] [entriesPerPerson]
//        dotnet run -c Release --project bench/MicroMove.Bench -- slack-now [requests] [concurrency]
//        dotnet run -c Release --project bench/MicroMove.Bench -- teams-invoke [requests] [concurrency]
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
    case "fanout":
        var counts = args.Skip(1).TakeWhile(a => !a.Contains('=', StringComparison.Ordinal)).Select(a => int.Parse(a, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var botSettings = args.Skip(1).Where(a => a.Contains('=', StringComparison.Ordinal)).Select(a => a.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        await FanoutBenchmark.RunAsync(server, counts.Count > 0 ? counts[0] : 20_000, counts.Count > 1 ? counts[1] : 10_000, botSettings);
        break;
    case "summaries":
        await SummariesBenchmark.RunAsync(
            server,
            args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100_000,
            args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 50);
        break;
    case "slack-now":
        await MicroMove.Bench.Inbound.SlackCommandBenchmark.RunAsync(server, IntArg(1, 5_000), IntArg(2, 8));
        break;
    case "teams-invoke":
        await MicroMove.Bench.Inbound.TeamsInvokeBenchmark.RunAsync(server, IntArg(1, 5_000), IntArg(2, 8));
        break;
    default:
        Console.Error.WriteLine($"Unknown benchmark '{which}'. Known: dispatch, domain, fanout, summaries, slack-now, teams-invoke");
        return 1;
}

return 0;

int IntArg(int index, int fallback) =>
    args.Length > index ? int.Parse(args[index], System.Globalization.CultureInfo.InvariantCulture) : fallback;
