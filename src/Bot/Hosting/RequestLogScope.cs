using System.Collections;
using System.Diagnostics;

namespace MicroMove.Bot.Hosting;

/// <summary>
/// The scope every log line written during a request carries: its request id, trace id, method and the
/// endpoint's route template ("/charts/{token}.png") — never the path itself. ASP.NET Core's own request
/// scope puts the raw path on every line, and MicroMove's chart and export links carry their signed
/// tokens in the path, so that scope is switched off (category <see cref="HostingDiagnostics"/>) and this
/// one takes its place.
/// </summary>
internal sealed class RequestLogScope : IReadOnlyList<KeyValuePair<string, object?>>
{
    /// <summary>The logging category whose request scope (and request start/finish lines) carry the raw path.</summary>
    public const string HostingDiagnostics = "Microsoft.AspNetCore.Hosting.Diagnostics";

    private readonly KeyValuePair<string, object?>[] _values;

    private RequestLogScope(HttpContext context)
    {
        var endpoint = context.GetEndpoint() as RouteEndpoint;
        _values =
        [
            new("RequestId", context.TraceIdentifier),
            new("TraceId", Activity.Current?.TraceId.ToString()),
            new("RequestMethod", context.Request.Method),

            // No endpoint (a 404): the path is whatever the caller sent, so it is left out too.
            new("Endpoint", endpoint?.RoutePattern.RawText ?? "(none)"),
        ];
    }

    public int Count => _values.Length;

    public KeyValuePair<string, object?> this[int index] => _values[index];

    /// <summary>Opens the scope around the rest of the pipeline (after routing, so the endpoint is known).</summary>
    public static void Use(WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("MicroMove.Requests");
        app.Use(async (context, next) =>
        {
            using (logger.BeginScope(new RequestLogScope(context)))
            {
                await next(context);
            }
        });
    }

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)_values).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => $"RequestId:{_values[0].Value} {_values[2].Value} {_values[3].Value}";
}
