namespace MicroMove.Domain.Messages;

/// <summary>A prompt replaced after Skip or Snooze: a short line saying what happens next.</summary>
public sealed record SetClosedMessage(string Reference, string Title, string Outcome) : BotMessage
{
    public override string FallbackText => $"{Title}: {Outcome}";
}
