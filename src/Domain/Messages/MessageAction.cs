namespace MicroMove.Domain.Messages;

/// <summary>
/// A button: its kind, its label, the set (or other subject) it refers to, and an
/// optional number (snooze minutes, a pause length).
/// </summary>
public sealed record MessageAction(ActionKind Kind, string Label, string Reference, int? Value = null, bool IsPrimary = false);
