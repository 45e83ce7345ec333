using MicroMove.Bot.Slack;

namespace MicroMove.Bot.Tests.Slack;

public sealed class SlackOptionsValidatorTests
{
    [Fact]
    public void NothingSet_IsValidAndSlackIsOff()
    {
        var options = new SlackOptions();

        Assert.True(new SlackOptionsValidator().Validate(null, options).Succeeded);
        Assert.False(options.Enabled);
        Assert.False(options.OAuthEnabled);
    }

    [Fact]
    public void SigningSecretAndOAuthPair_IsValidAndEnablesBoth()
    {
        var options = new SlackOptions { SigningSecret = "s", ClientId = "1.2", ClientSecret = "c" };

        Assert.True(new SlackOptionsValidator().Validate(null, options).Succeeded);
        Assert.True(options.Enabled);
        Assert.True(options.OAuthEnabled);
    }

    [Theory]
    [InlineData("not a url", null, null, null, "Slack__ApiBaseUrl")]
    [InlineData("ftp://slack.com/api/", null, null, null, "Slack__ApiBaseUrl")]
    [InlineData("https://slack.com/api/", "1.2", null, "s", "Slack__ClientSecret")]
    [InlineData("https://slack.com/api/", "1.2", "c", null, "Slack__SigningSecret")]
    public void BadCombinations_FailWithTheSettingsName(string apiBaseUrl, string? clientId, string? clientSecret, string? signingSecret, string named)
    {
        var result = new SlackOptionsValidator().Validate(null, new SlackOptions
        {
            ApiBaseUrl = apiBaseUrl,
            ClientId = clientId,
            ClientSecret = clientSecret,
            SigningSecret = signingSecret,
        });

        Assert.True(result.Failed);
        Assert.Contains(named, result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-00:00:01", false)]
    [InlineData("00:00:00", true)]
    [InlineData("00:01:00", true)]
    [InlineData("02:00:00", false)]
    public void WorkspaceCacheTime_IsOffOrUpToAnHour(string value, bool valid)
    {
        var result = new SlackOptionsValidator().Validate(null, new SlackOptions
        {
            WorkspaceCacheTime = TimeSpan.Parse(value, System.Globalization.CultureInfo.InvariantCulture),
        });

        Assert.Equal(valid, result.Succeeded);
        if (!valid)
        {
            Assert.Contains("Slack__WorkspaceCacheTime", result.FailureMessage, StringComparison.Ordinal);
        }
    }
}
