namespace MicroMove.Domain.Challenges;

/// <summary>
/// Scores participants, each on their own calendar: a set counts on the local date it was done in
/// the participant's zone, only on dates of the challenge that are their work days, from the day
/// they joined (that whole day counts, so pressing Join right after a set is fine) up to
/// <c>asOf</c>. Each day counts at most the daily goal.
/// </summary>
public static class ChallengeScoring
{
    public static EntrantScore Score(Challenge challenge, Entrant entrant, DateTimeOffset asOf)
    {
        var today = LocalDate(asOf, entrant.Zone);
        var joinedOn = LocalDate(entrant.JoinedAt, entrant.Zone);
        var first = Max(challenge.StartsOn, joinedOn);
        var last = Min(challenge.EndsOn, today);

        var setsByDay = entrant.SetsDone
            .Where(done => done <= asOf)
            .GroupBy(done => LocalDate(done, entrant.Zone))
            .ToDictionary(day => day.Key, day => day.Order().ToList());

        var points = 0;
        var daysOnGoal = 0;
        var scoringDays = 0;
        DateTimeOffset? reachedAt = null;
        var onGoalByDay = new List<bool>();
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            if (!entrant.WorkDays.Contains(day.DayOfWeek))
            {
                continue;
            }

            scoringDays++;
            var sets = setsByDay.GetValueOrDefault(day) ?? [];
            var counted = Math.Min(sets.Count, challenge.DailyGoal);
            points += counted;
            if (counted > 0)
            {
                var lastCounted = sets[counted - 1];
                reachedAt = reachedAt is { } earlier && earlier > lastCounted ? earlier : lastCounted;
            }

            var onGoal = counted == challenge.DailyGoal;
            daysOnGoal += onGoal ? 1 : 0;
            onGoalByDay.Add(onGoal);
        }

        var setsToday = today >= first && today <= challenge.EndsOn && entrant.WorkDays.Contains(today.DayOfWeek)
            ? Math.Min(setsByDay.GetValueOrDefault(today)?.Count ?? 0, challenge.DailyGoal)
            : 0;
        var todayOpen = last == today && entrant.WorkDays.Contains(today.DayOfWeek) && setsToday < challenge.DailyGoal;
        return new EntrantScore(
            entrant.Key,
            entrant.Name,
            points,
            daysOnGoal,
            Streak(onGoalByDay, todayOpen),
            setsToday,
            scoringDays,
            reachedAt,
            entrant.JoinedAt);
    }

    /// <summary>Days on goal in a row, counting back from the latest; today, still open, neither counts nor breaks it.</summary>
    private static int Streak(List<bool> onGoalByDay, bool todayOpen)
    {
        var days = todayOpen && onGoalByDay.Count > 0 ? onGoalByDay[..^1] : onGoalByDay;
        var streak = 0;
        for (var i = days.Count - 1; i >= 0 && days[i]; i--)
        {
            streak++;
        }

        return streak;
    }

    private static DateOnly LocalDate(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
