namespace MicroMove.Domain.Scheduling;

/// <summary>One reason a schedule is unusable, and the part of it that needs changing.</summary>
public sealed record ScheduleProblem(ScheduleField Field, string Message);
