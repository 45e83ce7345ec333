using MicroMove.Bot.Features.Conversation;
using MicroMove.Bot.Features.Privacy;
using MicroMove.Bot.Features.Prompts;
using MicroMove.Domain.Catalogue;
using MicroMove.Domain.Messages;
using MicroMove.Domain.Rotation;
using MicroMove.Domain.Scheduling;
using MicroMove.Domain.Tracking;

namespace MicroMove.Bot.Rendering;

/// <summary>
/// One message of every kind and variant, built by the real Domain on fixed dates: what the dev
/// sample pages show and what the renderer tests render. No clock is read, so the samples never change.
/// </summary>
internal static class MessageSamples
{
    /// <summary>Wednesday 25 November 2026, 09:30 UTC: mid-morning of a work day in the sample week.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 25, 9, 30, 0, TimeSpan.Zero);

    private static readonly DateTimeOffset StartOfDay = new(2026, 11, 25, 0, 0, 0, TimeSpan.Zero);

    private const string SettingsReference = "0197f0c2a1b24c7d8e9f0a1b2c3d4e5f";

    private static readonly WorkSchedule Berlin = WorkSchedule.Default("Europe/Berlin");

    private static readonly WorkSchedule FourDayWeek = Berlin with
    {
        WorkDays = new HashSet<DayOfWeek> { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday },
        DayStart = new TimeOnly(8, 0),
        DayEnd = new TimeOnly(16, 30),
        Cadence = TimeSpan.FromMinutes(45),
    };

    /// <summary>Every sample by name; <paramref name="commandPrefix"/> is the platform's ("/micromove " or "").</summary>
    public static IReadOnlyDictionary<string, BotMessage> All(string commandPrefix)
    {
        var routine = RotationPlanner.Plan(RoutineKind.Every30Minutes, null, Now, StartOfDay, SampleWeek.History);
        var routinePrompt = MovementPromptMessage.For(routine, "d-1042");
        var names = routinePrompt.Movements.Select(m => m.Name).ToList();
        var endOfDay = RotationPlanner.Plan(RoutineKind.EndOfDay, null, Now.AddHours(8), StartOfDay, SampleWeek.History);
        var instant = RotationPlanner.Plan(null, SetFocus.Hips, Now, StartOfDay, SampleWeek.History);

        return new Dictionary<string, BotMessage>(StringComparer.Ordinal)
        {
            ["prompt-routine"] = routinePrompt,
            ["prompt-routine-rated-before"] = MovementPromptMessage.For(routine, "d-1042", FatigueRating.Create(3)),
            ["prompt-end-of-day-circuit"] = MovementPromptMessage.For(endOfDay, "d-1049"),
            ["prompt-instant"] = MovementPromptMessage.For(instant, "i-77"),
            ["done-asking-after"] = SetDoneMessage.For("d-1042", routinePrompt.Title, names, FatigueRating.Create(4), null),
            ["done-before-after"] = SetDoneMessage.For("d-1042", routinePrompt.Title, names, FatigueRating.Create(4), FatigueRating.Create(2)),
            ["closed-skipped"] = new SetClosedMessage("d-1042", routinePrompt.Title, "Skipped. The next set comes at 10:00."),
            ["closed-snoozed"] = new SetClosedMessage("d-1042", routinePrompt.Title, "Snoozed: I'll ask again at 09:40."),
            ["notice"] = new NoticeMessage("Paused until 14:00. Say `resume` to start again sooner."),
            ["notice-correction"] = new NoticeMessage("Fatigue is rated 1 to 5 — try `done 3`.", IsCorrection: true),
            ["help"] = HelpMessage.For(commandPrefix),
            ["summary-with-chart"] = SampleWeek.Summary(new Uri("https://micromove.example/charts/week-2026-11-23.png"), soFar: false),
            ["summary-without-chart"] = SampleWeek.Summary(null, soFar: false),
            ["summary-week-so-far"] = SampleWeek.Summary(null, soFar: true),
            ["challenge-started"] = SampleChallenge.Started(),
            ["challenge-leaderboard"] = SampleChallenge.Leaderboard(),
            ["challenge-results"] = SampleChallenge.Results(),
            ["data-export"] = new DataExportMessage(
                new Uri("https://micromove.example/exports/sample-link.json"), ExportLinks.Lifetime, DataExportMessage.Summarise(42, new DateOnly(2026, 11, 3))),
            ["delete-confirmation"] = DeleteConfirmationMessage.For(
                DeletionReference.For(new Guid("0192f0c4-7a11-7c3e-9b52-3f1d2e4a5b6c"), new Guid("0192f0c4-0000-7000-8000-000000000001"), "U0SAMPLE"),
                setsLogged: 42,
                prompts: 130,
                challenges: 1),
            ["schedule-settings"] = ScheduleSettingsMessage.Form(SettingsReference, Berlin, ScheduleWords.Describe(Berlin)),
            ["schedule-settings-errors"] = ScheduleSettingsWithErrors(),
            ["schedule-settings-saved"] = ScheduleSettingsMessage.Saved(
                SettingsReference, FourDayWeek, ScheduleWords.Describe(FourDayWeek), "Your next set: Thu 26 Nov, 08:00."),
        };
    }

    /// <summary>A save the real form turned down: the day ends before it starts, an unknown zone, no work day.</summary>
    private static ScheduleSettingsMessage ScheduleSettingsWithErrors()
    {
        var entered = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [ScheduleForm.Start] = "17:00",
            [ScheduleForm.End] = "09:00",
            [ScheduleForm.Lunch] = "12:30",
            [ScheduleForm.Zone] = "Mars/Olympus_Mons",
            [ScheduleForm.Cadence] = "10",
            [ScheduleForm.RoutineField(RoutineKind.StartOfDay)] = ScheduleForm.On,
        };
        var form = ScheduleForm.Read(entered, Berlin, new TimeZones());
        return ScheduleSettingsMessage.Invalid(SettingsReference, form.Entered, ScheduleWords.Describe(Berlin), form.Errors);
    }
}
