using MicroMove.Infrastructure.Persistence.Entities;

namespace MicroMove.Bot.Features.Summaries;

/// <summary>One person's week to sum up: the local week starting on <see cref="FirstDay"/>, as of <see cref="AsOf"/>.</summary>
internal sealed record SummaryRequest(PersonEntity Person, DateOnly FirstDay, DateTimeOffset AsOf, bool SoFar = false);
