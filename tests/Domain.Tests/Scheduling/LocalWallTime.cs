namespace MicroMove.Domain.Tests.Scheduling;

/// <summary>A generated wall time (whole minute) in one of the interesting zones.</summary>
public sealed record LocalWallTime(string ZoneId, DateTime Wall)
{
    public TimeZoneInfo Zone => TestZones.Get(ZoneId);

    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{ZoneId} {Wall:s}");
}
