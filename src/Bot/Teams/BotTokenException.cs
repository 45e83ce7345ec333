namespace MicroMove.Bot.Teams;

/// <summary>The bot's access token could not be obtained (endpoint down, wrong credentials or authority).</summary>
internal sealed class BotTokenException : Exception
{
    public BotTokenException()
    {
    }

    public BotTokenException(string message)
        : base(message)
    {
    }

    public BotTokenException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
