namespace MicroMove.Infrastructure.Persistence.Entities;

/// <summary>A usual meeting: its start and the days it happens (null: every work day).</summary>
public sealed record MeetingSetting(TimeOnly Start, IReadOnlyList<DayOfWeek>? Days);
