namespace MicroMove.Domain.Messages;

/// <summary>
/// A short line: a confirmation ("Paused until 14:00"), or a friendly correction of
/// something the bot could not use ("Fatigue is rated 1 to 5 — try `done 3`").
/// </summary>
public sealed record NoticeMessage(string Text, bool IsCorrection = false) : BotMessage
{
    public override string FallbackText => Text;
}
