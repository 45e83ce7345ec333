using MicroMove.Domain.Messages;

namespace MicroMove.Domain.Tests.Messages;

public sealed class PrivacyMessageTests
{
    [Theory]
    [InlineData(0, null, "nothing logged yet — the file holds your profile and schedule")]
    [InlineData(1, "2026-11-03", "1 set logged, on 3 Nov 2026")]
    [InlineData(42, "2026-11-03", "42 sets logged since 3 Nov 2026")]
    public void ExportSummary_CountsTheSetsAndTheFirstDay(int sets, string? first, string expected)
    {
        Assert.Equal(expected, DataExportMessage.Summarise(sets, first is null ? null : DateOnly.Parse(first, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData(60, "1 hour")]
    [InlineData(120, "2 hours")]
    [InlineData(30, "30 minutes")]
    [InlineData(90, "90 minutes")]
    [InlineData(1, "1 minute")]
    public void Validity_IsSaidInWords(int minutes, string expected)
    {
        Assert.Equal(expected, DataExportMessage.Describe(TimeSpan.FromMinutes(minutes)));
    }

    [Fact]
    public void ExportFallback_CarriesTheLink_ForClientsWithoutCards()
    {
        var export = new DataExportMessage(new Uri("https://bot.example/exports/abc.json"), TimeSpan.FromHours(1), "3 sets logged since 3 Nov 2026");

        Assert.Contains("https://bot.example/exports/abc.json", export.FallbackText, StringComparison.Ordinal);
        Assert.Contains("1 hour", export.FallbackText, StringComparison.Ordinal);
    }

    [Fact]
    public void DeleteConfirmation_NamesWhatGoes_AndBothButtonsCarryTheReference()
    {
        var confirmation = DeleteConfirmationMessage.For("p.tag", setsLogged: 1, prompts: 7, challenges: 0);

        Assert.Equal(["your profile, time zone and schedule", "1 logged set", "7 prompts and summaries sent to you"], confirmation.WhatGoes);
        Assert.Equal(ActionKind.DeleteMyData, confirmation.Delete.Kind);
        Assert.Equal(ActionKind.KeepMyData, confirmation.Keep.Kind);
        Assert.All([confirmation.Delete, confirmation.Keep], a => Assert.Equal("p.tag", a.Reference));
        Assert.Contains("can't be undone", confirmation.FallbackText, StringComparison.Ordinal);
        Assert.Contains("your place in 2 challenges", DeleteConfirmationMessage.For("p.tag", 0, 0, 2).WhatGoes);
    }
}
