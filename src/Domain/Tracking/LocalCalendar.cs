namespace MicroMove.Domain.Tracking;

/// <summary>Local dates in the person's own time zone; the server's zone never matters.</summary>
internal static class LocalCalendar
{
    public static DateOnly LocalDate(this DateTimeOffset instant, TimeZoneInfo timeZone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, timeZone).DateTime);
}
