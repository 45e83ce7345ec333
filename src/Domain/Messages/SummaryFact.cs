namespace MicroMove.Domain.Messages;

/// <summary>One figure of a summary, ready to show: "Completion" — "6 of 9 sets (67%)".</summary>
public sealed record SummaryFact(string Label, string Value);
