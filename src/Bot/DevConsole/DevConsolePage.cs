using System.Collections.Concurrent;

namespace MicroMove.Bot.DevConsole;

/// <summary>The page's files, embedded in the assembly (no wwwroot to deploy, no CDN).</summary>
internal static class DevConsolePage
{
    private const string Prefix = "MicroMove.Bot.DevConsole.Page.";

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".txt"] = "text/plain; charset=utf-8",
    };

    private static readonly ConcurrentDictionary<string, byte[]?> Files = new(StringComparer.Ordinal);

    public static IResult Serve(string file)
    {
        var type = ContentTypes.GetValueOrDefault(Path.GetExtension(file));
        var bytes = type is null ? null : Files.GetOrAdd(file, Load);
        return bytes is null ? Results.NotFound() : Results.Bytes(bytes, type);
    }

    private static byte[]? Load(string file)
    {
        using var stream = typeof(DevConsolePage).Assembly.GetManifestResourceStream(Prefix + file);
        if (stream is null)
        {
            return null;
        }

        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
