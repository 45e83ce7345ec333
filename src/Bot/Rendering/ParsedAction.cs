using MicroMove.Domain.Messages;

namespace MicroMove.Bot.Rendering;

/// <summary>
/// A click or choice read back from Slack or Teams: what to do, the set (or other subject) it
/// refers to, and the number it carries (snooze minutes, a 1–5 rating, a pause length).
/// <see cref="Inputs"/> holds what a form's inputs said (input id → text), for actions that send a form.
/// </summary>
internal sealed record ParsedAction(ActionKind Kind, string Reference, int? Value, IReadOnlyDictionary<string, string>? Inputs = null);
