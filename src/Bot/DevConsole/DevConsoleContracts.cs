using System.Text.Json;
using MicroMove.Infrastructure.Persistence.Entities;

namespace MicroMove.Bot.DevConsole;

/// <summary>A click on a rendered message: Slack's action id and value, or Teams' verb and data.</summary>
internal sealed record DevConsoleAction(
    Guid? PersonId, string? MessageId, string? Platform, string? ActionId, string? Value, string? Verb, JsonElement Data);

internal sealed record DevConsoleSay(string? Text);

/// <summary>A line typed in the console's channel, and who typed it.</summary>
internal sealed record DevConsoleChannelSay(Guid? PersonId, string? Text);

internal sealed record DevConsoleJump(Guid? PersonId);

internal sealed record DevConsoleMessage(
    string Id, string ConversationId, string Kind, bool FromPerson, string FallbackText,
    JsonElement? Slack, JsonElement? Teams, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>A simulated person; <c>Id</c> is null for a cast member MicroMove holds nothing about (their data was deleted).</summary>
internal sealed record DevConsolePerson(
    Guid? Id, string UserId, string Name, string TimeZone, string ConversationId,
    DateTimeOffset? NextPromptAt, string? NextPromptLocal, DateTimeOffset? PausedUntil, ScheduleSettings Schedule);

internal sealed record DevConsoleLogEntry(
    DateTimeOffset DoneAt, string DoneAtLocal, string? Routine, IReadOnlyList<string> Movements, short? FatigueBefore, short? FatigueAfter);

internal sealed record DevConsoleClockState(DateTimeOffset Now, TimeSpan Offset);

/// <summary>An answer for the API: a value, or a 400/404 with the reason.</summary>
internal sealed record DevConsoleResult(object? Value, int Status, string? Problem)
{
    public static DevConsoleResult Ok(object value) => new(value, StatusCodes.Status200OK, null);

    public static DevConsoleResult Bad(string reason) => new(null, StatusCodes.Status400BadRequest, reason);

    public static DevConsoleResult Missing(string reason) => new(null, StatusCodes.Status404NotFound, reason);

    public IResult ToHttp() => Problem is null
        ? Results.Ok(Value)
        : Results.Json(new { error = Problem }, statusCode: Status);
}

/// <summary>This week so far for the side panel: the summary's figures, its advice and the chart's path.</summary>
internal sealed record DevConsoleWeek(string Title, IReadOnlyList<DevConsoleFact> Facts, IReadOnlyList<string> Advice, string? ChartPath, string ChartAltText);

/// <summary>One figure of the week: "Completion" — "1 of 2 prompts (50%)".</summary>
internal sealed record DevConsoleFact(string Label, string Value);
