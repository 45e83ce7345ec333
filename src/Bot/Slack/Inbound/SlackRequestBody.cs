namespace MicroMove.Bot.Slack;

/// <summary>The verified raw body of a /slack POST, kept as a request feature for the endpoint to parse.</summary>
internal sealed class SlackRequestBody(byte[] bytes)
{
    /// <summary>Slack's payloads are far smaller; anything larger is refused with 413 before verification.</summary>
    public const int MaxBytes = 1024 * 1024;

    public byte[] Bytes { get; } = bytes;

    /// <summary>Reads the whole body (buffered and rewound, so nothing downstream is starved); null when it is over <see cref="MaxBytes"/>.</summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBytes)
        {
            return null;
        }

        request.EnableBuffering(bufferThreshold: 64 * 1024);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        request.Body.Position = 0;
        return buffer.ToArray();
    }
}
