namespace MicroMove.Bot.Features.Challenges;

internal static class ChallengeDefaults
{
    public static readonly IReadOnlySet<DayOfWeek> MondayToFriday = new HashSet<DayOfWeek>
    {
        DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday,
    };

    /// <summary>Boards shown for <c>challenge</c> in a direct chat (one per channel the person is in).</summary>
    public const int MaxBoardsInADirectChat = 5;

    /// <summary>A daily board found later than this (an outage) is recorded as missed; the results are always sent.</summary>
    public static readonly TimeSpan UpdateUsefulness = TimeSpan.FromHours(12);
}
