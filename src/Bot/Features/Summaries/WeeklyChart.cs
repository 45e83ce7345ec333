using System.Globalization;
using MicroMove.Domain.Catalogue;
using MicroMove.Domain.Messages;
using MicroMove.Domain.Tracking;
using ScottPlot;
using SkiaSharp;

namespace MicroMove.Bot.Features.Summaries;

/// <summary>
/// The weekly summary's chart as one PNG with two panels: on the left the average fatigue before
/// and after the sets of each day (two lines, 1–5), on the right the sets per body region that week.
/// </summary>
internal static class WeeklyChart
{
    public const int Width = 960;
    public const int Height = 400;

    public static byte[] RenderPng(WeeklyStatistics week)
    {
        ArgumentNullException.ThrowIfNull(week);
        using var fatigue = FatiguePanel(week);
        using var regions = RegionPanel(week);

        // Each panel renders on a surface of its own: a plot clears the whole canvas it is given,
        // so drawing two plots on one canvas would keep only the last.
        var leftWidth = (int)(Width * 0.6);
        using var left = Panel(fatigue, leftWidth);
        using var right = Panel(regions, Width - leftWidth);
        var info = new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var surface = SKSurface.Create(info);
        surface.Canvas.Clear(SKColors.White);
        surface.Canvas.DrawImage(left, 0, 0);
        surface.Canvas.DrawImage(right, leftWidth, 0);
        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }

    private static SKImage Panel(Plot plot, int width)
    {
        using var surface = SKSurface.Create(new SKImageInfo(width, Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        plot.Render(surface.Canvas, new PixelRect(0, width, Height, 0));
        return surface.Snapshot();
    }

    private static Plot FatiguePanel(WeeklyStatistics week)
    {
        var plot = new Plot();
        plot.Title("Fatigue before and after sets");
        plot.YLabel("Average fatigue (1–5)");
        AddLine(plot, week.Days, day => day.AverageFatigueBefore, "Before", Colors.OrangeRed);
        AddLine(plot, week.Days, day => day.AverageFatigueAfter, "After", Colors.SeaGreen);
        plot.Axes.Bottom.SetTicks(
            [.. Enumerable.Range(0, week.Days.Count).Select(i => (double)i)],
            [.. week.Days.Select(day => day.Date.ToString("ddd d", CultureInfo.InvariantCulture))]);
        plot.Axes.SetLimits(-0.5, week.Days.Count - 0.5, 0, FatigueRating.Highest + 0.5);
        plot.ShowLegend(Alignment.UpperRight);
        return plot;
    }

    private static void AddLine(Plot plot, IReadOnlyList<DailyFigures> days, Func<DailyFigures, double?> value, string label, Color color)
    {
        var points = days
            .Select((day, index) => (X: (double)index, Y: value(day)))
            .Where(point => point.Y is not null)
            .Select(point => (point.X, Y: point.Y ?? 0))
            .ToList();
        if (points.Count == 0)
        {
            return;
        }

        var line = plot.Add.Scatter(points.Select(p => p.X).ToArray(), points.Select(p => p.Y).ToArray(), color);
        line.LegendText = label;
        line.LineWidth = 2;
        line.MarkerSize = 8;
    }

    private static Plot RegionPanel(WeeklyStatistics week)
    {
        var plot = new Plot();
        plot.Title("Sets per region");
        var regions = Enum.GetValues<BodyRegion>();
        var bars = regions
            .Select((region, index) => new Bar
            {
                Position = index,
                Value = week.SetsPerRegion.GetValueOrDefault(region),
                FillColor = Palette[index % Palette.Length],
                Label = week.SetsPerRegion.GetValueOrDefault(region).ToString(CultureInfo.InvariantCulture),
            })
            .ToList();
        var plottable = plot.Add.Bars(bars);
        plottable.ValueLabelStyle.FontSize = 14;
        plot.Axes.Bottom.SetTicks(
            [.. Enumerable.Range(0, regions.Length).Select(i => (double)i)],
            [.. regions.Select(MovementInstruction.RegionName)]);
        plot.Axes.Margins(bottom: 0);
        plot.Axes.SetLimitsY(0, Math.Max(1, regions.Max(r => week.SetsPerRegion.GetValueOrDefault(r))) * 1.2);
        return plot;
    }

    private static readonly Color[] Palette = [Colors.SteelBlue, Colors.DarkOrange, Colors.MediumPurple];
}
