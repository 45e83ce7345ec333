namespace MicroMove.Bot.Slack;

/// <summary>
/// Single-workspace mode (Slack__BotToken): remembers which team the configured token belongs to,
/// learned once from auth.test (process-wide, so every request does not call Slack).
/// </summary>
internal sealed class SlackSingleWorkspace : IDisposable
{
    private readonly SemaphoreSlim _lock = new(1, 1);
    private SlackAuthIdentity? _identity;

    public async Task<SlackAuthIdentity> IdentityAsync(SlackWebApiClient api, string botToken, CancellationToken cancellationToken)
    {
        if (_identity is { } known)
        {
            return known;
        }

        await _lock.WaitAsync(cancellationToken);
        try
        {
            return _identity ??= await api.AuthTestAsync(botToken, cancellationToken);
        }
        finally
        {
            _lock.Release();
        }
    }

    public void Dispose() => _lock.Dispose();
}
