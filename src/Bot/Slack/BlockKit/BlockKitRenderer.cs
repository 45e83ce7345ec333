using System.Text.Json.Nodes;
using MicroMove.Domain.Messages;

namespace MicroMove.Bot.Slack.BlockKit;

/// <summary>
/// Turns a platform-neutral <see cref="BotMessage"/> into a Slack message payload <c>{ text, blocks }</c>.
/// A pure function: the caller adds <c>channel</c> (chat.postMessage), <c>ts</c> (chat.update) or
/// <c>replace_original</c> (response_url). <c>text</c> is always the fallback text, for
/// notifications and screen readers.
/// </summary>
internal static class BlockKitRenderer
{
    public static JsonObject Render(BotMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        IEnumerable<JsonNode> blocks = message switch
        {
            MovementPromptMessage prompt => PromptBlocks.For(prompt),
            SetDoneMessage done => SetDoneBlocks.For(done),
            SetClosedMessage closed => SetClosedBlocks.For(closed),
            NoticeMessage notice => NoticeBlocks.For(notice),
            HelpMessage help => HelpBlocks.For(help),
            WeeklySummaryMessage summary => WeeklySummaryBlocks.For(summary),
            ChallengeCardMessage challenge => ChallengeCardBlocks.For(challenge),
            DataExportMessage export => DataExportBlocks.For(export),
            DeleteConfirmationMessage confirmation => DeleteConfirmationBlocks.For(confirmation),
            ScheduleSettingsMessage settings => ScheduleSettingsBlocks.For(settings),
            _ => throw new ArgumentException($"No Block Kit rendering for {message.GetType().Name}.", nameof(message)),
        };

        return new JsonObject
        {
            ["text"] = SlackBlocks.FitMrkdwn(SlackBlocks.Escape(message.FallbackText), BlockKitLimits.MessageText),
            ["blocks"] = new JsonArray([.. blocks.Take(BlockKitLimits.BlocksPerMessage)]),
        };
    }
}
