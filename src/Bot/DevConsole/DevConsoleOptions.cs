namespace MicroMove.Bot.DevConsole;

/// <summary>
/// Section "DevConsole": the browser console at <c>/</c> with a simulated workspace, its
/// <c>/dev/api</c> endpoints, the sample pages and the simulated clock.
/// </summary>
internal sealed class DevConsoleOptions
{
    public const string SectionName = "DevConsole";

    /// <summary>On by default in Development, off otherwise unless set.</summary>
    public bool Enabled { get; init; }

    public static DevConsoleOptions From(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration.GetSection(SectionName).GetValue<bool?>(nameof(Enabled));
        return new DevConsoleOptions { Enabled = configured ?? environment.IsDevelopment() };
    }
}
