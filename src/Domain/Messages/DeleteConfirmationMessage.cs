using System.Globalization;

namespace MicroMove.Domain.Messages;

/// <summary>
/// The first step of <c>delete-my-data</c>: what would be deleted, that it cannot be undone, and
/// two buttons — delete (destructive, confirmed once more where the platform can ask) and keep.
/// <see cref="Reference"/> names whose message this is, so only its owner can confirm it.
/// </summary>
public sealed record DeleteConfirmationMessage(
    string Reference,
    string Title,
    IReadOnlyList<string> WhatGoes,
    string Warning,
    MessageAction Delete,
    MessageAction Keep) : BotMessage
{
    /// <summary>The platform's own "are you sure?" dialog on the delete button (Slack shows one; Teams has none).</summary>
    public const string DialogTitle = "Delete your data?";

    public const string DialogText = "Everything MicroMove holds about you is deleted for good. This can't be undone.";

    public const string DialogConfirm = "Delete";

    public const string DialogDeny = "Cancel";

    public override string FallbackText =>
        $"{Title} This deletes {string.Join(", ", WhatGoes)}. {Warning} Press \"{Delete.Label}\" or \"{Keep.Label}\".";

    /// <summary>The confirmation for the person whose message <paramref name="reference"/> names, with their figures.</summary>
    public static DeleteConfirmationMessage For(string reference, int setsLogged, int prompts, int challenges)
    {
        var culture = CultureInfo.InvariantCulture;
        var whatGoes = new List<string>
        {
            "your profile, time zone and schedule",
            setsLogged == 1 ? "1 logged set" : $"{setsLogged.ToString(culture)} logged sets",
            prompts == 1 ? "1 prompt and summary sent to you" : $"{prompts.ToString(culture)} prompts and summaries sent to you",
        };
        if (challenges > 0)
        {
            whatGoes.Add(challenges == 1 ? "your place in 1 challenge" : $"your place in {challenges.ToString(culture)} challenges");
        }

        return new DeleteConfirmationMessage(
            reference,
            "Delete all your MicroMove data?",
            whatGoes,
            "It can't be undone, and no more prompts will come. Want a copy first? Type export before you decide.",
            new MessageAction(ActionKind.DeleteMyData, "Delete my data", reference),
            new MessageAction(ActionKind.KeepMyData, "Keep my data", reference));
    }
}
