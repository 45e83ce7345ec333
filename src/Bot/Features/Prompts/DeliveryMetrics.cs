using System.Diagnostics.Metrics;

namespace MicroMove.Bot.Features.Prompts;

/// <summary>
/// The prompt pipeline's numbers (meter "MicroMove.Delivery"): slots due, deliveries sent,
/// failed and missed, platform rate limits hit, and the lag from slot to send.
/// </summary>
internal sealed class DeliveryMetrics : IDisposable
{
    public const string MeterName = "MicroMove.Delivery";

    private readonly Meter _meter;

    public DeliveryMetrics(IMeterFactory meters)
    {
        _meter = meters.Create(MeterName);
        Due = _meter.CreateCounter<long>("micromove.deliveries.due", description: "Slots that came due and got a delivery");
        Sent = _meter.CreateCounter<long>("micromove.deliveries.sent", description: "Deliveries the platform accepted");
        Failed = _meter.CreateCounter<long>("micromove.deliveries.failed", description: "Deliveries given up, with a reason kept");
        Missed = _meter.CreateCounter<long>("micromove.deliveries.missed", description: "Slots too old to be useful when reached (e.g. after downtime)");
        RateLimited = _meter.CreateCounter<long>("micromove.deliveries.rate_limited", description: "Platform answers asking to slow down (HTTP 429)");
        Lag = _meter.CreateHistogram<double>("micromove.deliveries.lag", unit: "s", description: "From the slot's due time to the send");
    }

    public Counter<long> Due { get; }

    public Counter<long> Sent { get; }

    public Counter<long> Failed { get; }

    public Counter<long> Missed { get; }

    public Counter<long> RateLimited { get; }

    public Histogram<double> Lag { get; }

    public void Dispose() => _meter.Dispose();
}
