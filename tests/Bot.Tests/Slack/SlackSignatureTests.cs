using System.Text;
using MicroMove.Bot.Slack;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace MicroMove.Bot.Tests.Slack;

public sealed class SlackSignatureTests
{
    private static readonly DateTimeOffset ExampleTime = DateTimeOffset.FromUnixTimeSeconds(1531420618);

    [Fact]
    public void Verify_SlacksWorkedExample_IsValid()
    {
        var example = SlackFixtures.Json("signing_example.json");
        var verifier = Verifier(example.GetProperty("secret").GetString(), ExampleTime);

        var check = verifier.Verify(
            example.GetProperty("timestamp").GetString(),
            example.GetProperty("signature").GetString(),
            Encoding.UTF8.GetBytes(example.GetProperty("body").GetString() ?? string.Empty));

        Assert.Equal(SlackSignatureCheck.Valid, check);
    }

    [Fact]
    public void Compute_SlacksWorkedExample_GivesTheDocumentedSignature()
    {
        var example = SlackFixtures.Json("signing_example.json");

        var signature = SlackSignature.Compute(
            example.GetProperty("secret").GetString() ?? string.Empty,
            example.GetProperty("timestamp").GetString() ?? string.Empty,
            Encoding.UTF8.GetBytes(SlackFixtures.Text("slash_command_webhook_collect.txt")));

        Assert.Equal(example.GetProperty("signature").GetString(), signature);
    }

    [Theory]
    [InlineData("signed_block_actions_form.json")]
    [InlineData("signed_event_message_im.json")]
    public void Verify_SignedFixtures_AreValid(string fixture)
    {
        var signed = SlackFixtures.Json(fixture);
        var verifier = Verifier(signed.GetProperty("secret").GetString(), ExampleTime);

        var check = verifier.Verify(
            signed.GetProperty("timestamp").GetString(),
            signed.GetProperty("signature").GetString(),
            Encoding.UTF8.GetBytes(signed.GetProperty("body").GetString() ?? string.Empty));

        Assert.Equal(SlackSignatureCheck.Valid, check);
    }

    [Fact]
    public void Verify_TamperedBody_IsMismatch()
    {
        var example = SlackFixtures.Json("signing_example.json");
        var body = (example.GetProperty("body").GetString() ?? string.Empty).Replace("text=&", "text=hi&", StringComparison.Ordinal);

        var check = Verifier(SlackFixtures.DocsSecret, ExampleTime)
            .Verify("1531420618", example.GetProperty("signature").GetString(), Encoding.UTF8.GetBytes(body));

        Assert.Equal(SlackSignatureCheck.Mismatch, check);
    }

    [Fact]
    public void Verify_WrongSecret_IsMismatch()
    {
        var example = SlackFixtures.Json("signing_example.json");

        var check = Verifier("another-secret", ExampleTime).Verify(
            "1531420618", example.GetProperty("signature").GetString(), Encoding.UTF8.GetBytes(example.GetProperty("body").GetString() ?? string.Empty));

        Assert.Equal(SlackSignatureCheck.Mismatch, check);
    }

    [Theory]
    [InlineData(300, nameof(SlackSignatureCheck.Valid))]
    [InlineData(-300, nameof(SlackSignatureCheck.Valid))]
    [InlineData(301, nameof(SlackSignatureCheck.StaleTimestamp))]
    [InlineData(-301, nameof(SlackSignatureCheck.StaleTimestamp))]
    [InlineData(86_400, nameof(SlackSignatureCheck.StaleTimestamp))]
    public void Verify_ClockDistanceFromTheTimestamp_AllowsFiveMinutesEitherWay(int secondsLater, string expected)
    {
        var example = SlackFixtures.Json("signing_example.json");

        var check = Verifier(SlackFixtures.DocsSecret, ExampleTime.AddSeconds(secondsLater)).Verify(
            "1531420618", example.GetProperty("signature").GetString(), Encoding.UTF8.GetBytes(example.GetProperty("body").GetString() ?? string.Empty));

        Assert.Equal(expected, check.ToString());
    }

    [Theory]
    [InlineData(null, "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503", nameof(SlackSignatureCheck.MissingTimestamp))]
    [InlineData("", "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503", nameof(SlackSignatureCheck.MissingTimestamp))]
    [InlineData("15314206l8", "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503", nameof(SlackSignatureCheck.MalformedTimestamp))]
    [InlineData("-1531420618", "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503", nameof(SlackSignatureCheck.MalformedTimestamp))]
    [InlineData(" 1531420618", "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503", nameof(SlackSignatureCheck.MalformedTimestamp))]
    [InlineData("1531420618", null, nameof(SlackSignatureCheck.MissingSignature))]
    [InlineData("1531420618", "", nameof(SlackSignatureCheck.MissingSignature))]
    [InlineData("1531420618", "v1=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503", nameof(SlackSignatureCheck.UnsupportedVersion))]
    [InlineData("1531420618", "a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503", nameof(SlackSignatureCheck.UnsupportedVersion))]
    [InlineData("1531420618", "v0=a2114d57", nameof(SlackSignatureCheck.MalformedSignature))]
    [InlineData("1531420618", "v0=A2114D57B48EAC39B9AD189DD8316235A7B4A8D21A10BD27519666489C69B503", nameof(SlackSignatureCheck.Mismatch))]
    public void Verify_MissingOrMalformedHeaders_AreRejectedWithTheReason(string? timestamp, string? signature, string expected)
    {
        var body = Encoding.UTF8.GetBytes(SlackFixtures.Text("slash_command_webhook_collect.txt"));

        var check = Verifier(SlackFixtures.DocsSecret, ExampleTime).Verify(timestamp, signature, body);

        Assert.Equal(expected, check.ToString());
    }

    [Fact]
    public void Verify_NoSigningSecretConfigured_NeverAccepts()
    {
        var example = SlackFixtures.Json("signing_example.json");

        var check = Verifier(null, ExampleTime).Verify(
            "1531420618", example.GetProperty("signature").GetString(), Encoding.UTF8.GetBytes(example.GetProperty("body").GetString() ?? string.Empty));

        Assert.NotEqual(SlackSignatureCheck.Valid, check);
    }

    [Fact]
    public void TestSigner_AgreesWithTheDocumentedExample()
    {
        var example = SlackFixtures.Json("signing_example.json");

        var signature = SlackRequestSigner.Signature(
            SlackFixtures.DocsSecret, "1531420618", example.GetProperty("body").GetString() ?? string.Empty);

        Assert.Equal(example.GetProperty("signature").GetString(), signature);
    }

    private static SlackRequestVerifier Verifier(string? secret, DateTimeOffset now) =>
        new(Options.Create(new SlackOptions { SigningSecret = secret }), new FakeTimeProvider(now));
}
