using MicroMove.Bot.DevConsole;
using MicroMove.Bot.Features.Challenges;
using MicroMove.Bot.Features.Conversation;
using MicroMove.Bot.Features.Privacy;
using MicroMove.Bot.Features.Prompts;
using MicroMove.Bot.Features.Summaries;
using MicroMove.Bot.Health;
using MicroMove.Bot.Hosting;
using MicroMove.Bot.Teams;
using MicroMove.Infrastructure.Persistence;
using MicroMove.Infrastructure.Postgres;

var builder = WebApplication.CreateBuilder(args);
using var startupLoggers = LoggerFactory.Create(logging => logging.AddConfiguration(builder.Configuration.GetSection("Logging")).AddConsole());
var startupLogger = startupLoggers.CreateLogger("MicroMove.Startup");
LocalPostgresCluster? localCluster = null;
var migrateOnly = args.Contains("migrate", StringComparer.OrdinalIgnoreCase);

try
{
    // Serve on http://localhost:5080 unless told otherwise (ASPNETCORE_URLS, --urls, Kestrel section).
    if (string.IsNullOrEmpty(builder.Configuration["urls"]) && !builder.Configuration.GetSection("Kestrel:Endpoints").Exists())
    {
        builder.WebHost.UseUrls("http://localhost:5080");
    }

    // Database: the configured server, or a private local PostgreSQL for the zero-config run.
    (var connectionString, localCluster) = await DatabaseSetup.ResolveAsync(builder.Configuration, startupLogger, CancellationToken.None);
    if (localCluster is not null)
    {
        builder.Services.AddSingleton(localCluster);
        builder.Services.AddHostedService<LocalPostgresLifetime>();
    }

    builder.Services.AddMicroMoveDatabase(connectionString);
    builder.Services.AddSingleton(CredentialKeySetup.Resolve(builder.Configuration, builder.Environment));
    builder.Services.AddSingleton(TimeProvider.System);
    builder.Services.AddHealth();
    builder.Services.AddMetricsEndpoint(builder.Configuration);

    // Prompts: cluster-wide dispatch (Quartz) and delivery workers, through the chat gateways.
    builder.Services.AddPrompts(builder.Configuration, connectionString);
    builder.Services.AddConversation();
    builder.Services.AddChallenges();
    builder.Services.AddSummaries(builder.Configuration);
    builder.Services.AddPrivacy();
    builder.Services.AddTeams(builder.Configuration);
    builder.Services.AddSlack(builder.Configuration);
    builder.Services.AddDevConsole(builder.Configuration, builder.Environment);
    builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(30));

    // ASP.NET Core's request scope would put the raw path — and with it the chart and export links' signed
    // tokens — on every log line of a request; RequestLogScope carries the route template instead.
    builder.Logging.AddFilter(RequestLogScope.HostingDiagnostics, LogLevel.None);

    var app = builder.Build();
    RequestLogScope.Use(app);
    app.MapHealthEndpoints();
    app.MapMetricsEndpoint(builder.Configuration);
    app.MapTeamsEndpoints();
    app.MapSlackEndpoints();
    app.MapChartEndpoints();
    app.MapExportEndpoints();
    app.MapDevConsole();

    // Schema: migrations apply on start (replicas serialise on an advisory lock); `migrate` stops there.
    try
    {
        await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(app.Lifetime.ApplicationStopping);
    }
    catch (Exception exception) when (exception is not OperationCanceledException)
    {
        throw new StartupException(DatabaseProblem.Describe(exception, connectionString));
    }

    if (migrateOnly)
    {
        return 0;
    }

    try
    {
        await app.RunAsync();
    }
    catch (IOException exception) when (exception.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
    {
        throw new StartupException($"{exception.Message} Stop the other program, or set ASPNETCORE_URLS to a free address (e.g. http://localhost:5081).");
    }

    return 0;
}
catch (StartupException exception)
{
    await Console.Error.WriteLineAsync($"MicroMove cannot start: {exception.Message}");
    return 1;
}
finally
{
    if (localCluster is not null)
    {
        await localCluster.StopAsync(CancellationToken.None);
    }
}
