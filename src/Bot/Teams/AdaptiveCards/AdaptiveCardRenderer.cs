using System.Text.Json.Nodes;
using MicroMove.Domain.Messages;

namespace MicroMove.Bot.Teams.AdaptiveCards;

/// <summary>
/// Turns a platform-neutral <see cref="BotMessage"/> into an Adaptive Card 1.5: the highest version
/// Teams renders for bot cards, and high enough for Action.Execute (1.4+). A pure function; wrap the
/// result with <see cref="TeamsCardEnvelope"/> to send it or to answer an invoke.
/// </summary>
internal static class AdaptiveCardRenderer
{
    public const string Version = "1.5";
    public const string Schema = "http://adaptivecards.io/schemas/adaptive-card.json";

    public static JsonObject Render(BotMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var body = message switch
        {
            MovementPromptMessage prompt => PromptCard.Body(prompt),
            SetDoneMessage done => SetDoneCard.Body(done),
            SetClosedMessage closed => SetClosedCard.Body(closed),
            NoticeMessage notice => NoticeCard.Body(notice),
            HelpMessage help => HelpCard.Body(help),
            WeeklySummaryMessage summary => WeeklySummaryCard.Body(summary),
            ChallengeCardMessage challenge => ChallengeCard.Body(challenge),
            DataExportMessage export => DataExportCard.Body(export),
            DeleteConfirmationMessage confirmation => DeleteConfirmationCard.Body(confirmation),
            ScheduleSettingsMessage settings => ScheduleSettingsCard.Body(settings),
            _ => throw new ArgumentException($"No Adaptive Card rendering for {message.GetType().Name}.", nameof(message)),
        };

        return new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = Schema,
            ["version"] = Version,
            ["fallbackText"] = message.FallbackText,
            ["speak"] = message.FallbackText,
            ["body"] = new JsonArray([.. body]),
        };
    }
}
