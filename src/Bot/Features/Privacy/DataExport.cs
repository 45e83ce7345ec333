using System.Text.Json.Serialization;
using MicroMove.Infrastructure.Persistence.Entities;

namespace MicroMove.Bot.Features.Privacy;

/// <summary>
/// Everything MicroMove holds about one person, as the JSON file of <c>export</c>. Times are in the
/// person's own zone (with their offset); technical bookkeeping (claim leases, row versions, the
/// platform's message ids) is left out because it says nothing about the person.
/// </summary>
internal sealed record DataExport(
    string Format,
    DateTimeOffset ExportedAt,
    ExportedProfile Profile,
    IReadOnlyList<ExportedLogEntry> LogEntries,
    IReadOnlyList<ExportedDelivery> Deliveries,
    IReadOnlyList<ExportedChallenge> Challenges)
{
    public const string FormatName = "micromove-export/1";
}

internal sealed record ExportedProfile(
    string Platform,
    ExportedWorkspace Workspace,
    string UserId,
    string DisplayName,
    string TimeZone,
    ScheduleSettings Schedule,
    DateTimeOffset? PausedUntil,
    DateTimeOffset? NextPromptAt,
    DateTimeOffset? NextSummaryAt,
    bool Active,
    string? UnreachableReason,
    string? ConversationId,
    DateTimeOffset CreatedAt);

internal sealed record ExportedWorkspace(string Id, string Name);

/// <summary>A movement of a set: its id in the catalogue, its name, and the reps asked for (prompts only).</summary>
internal sealed record ExportedMovement(string Id, string Name, int? Reps);

/// <summary>A set done: a prompted one ("prompt"), or one asked for on demand ("instant-set").</summary>
internal sealed record ExportedLogEntry(
    DateTimeOffset DoneAt,
    string Source,
    string? Routine,
    IReadOnlyList<ExportedMovement> Movements,
    short? FatigueBefore,
    short? FatigueAfter,
    string? Note);

/// <summary>A prompt, instant set or weekly summary owed to the person, and what became of it.</summary>
internal sealed record ExportedDelivery(
    string Kind,
    string Slot,
    string? Routine,
    DateTimeOffset DueAt,
    IReadOnlyList<ExportedMovement> Movements,
    string? Tip,
    IReadOnlyList<string> Notes,
    short? FatigueBefore,
    int Snoozes,
    string Status,
    int Attempts,
    DateTimeOffset CreatedAt,
    DateTimeOffset? SentAt,
    DateTimeOffset? AnsweredAt,
    string? LastError);

/// <summary>A challenge the person joined or started.</summary>
internal sealed record ExportedChallenge(
    string Title,
    string Channel,
    DateOnly StartsOn,
    DateOnly EndsOn,
    int DailyGoal,
    bool Active,
    DateTimeOffset? JoinedAt,
    bool StartedByYou);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(DataExport))]
internal sealed partial class DataExportJson : JsonSerializerContext;
