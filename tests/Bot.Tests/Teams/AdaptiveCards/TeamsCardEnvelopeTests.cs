using MicroMove.Bot.Rendering;
using MicroMove.Bot.Teams.AdaptiveCards;

namespace MicroMove.Bot.Tests.Teams.AdaptiveCards;

public sealed class TeamsCardEnvelopeTests
{
    [Fact]
    public void Attachment_CarriesTheCardUnderTheSdksContentType()
    {
        var card = AdaptiveCardRenderer.Render(MessageSamples.All(string.Empty)["notice"]);

        var attachment = TeamsCardEnvelope.Attachment(card);

        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)attachment["contentType"]);
        Assert.Equal(card.ToJsonString(), attachment["content"]?.ToJsonString());
    }

    [Fact]
    public void InvokeResponse_Is200WithTheReplacementCard()
    {
        var card = AdaptiveCardRenderer.Render(MessageSamples.All(string.Empty)["done-before-after"]);

        var response = TeamsCardEnvelope.InvokeResponse(card);

        Assert.Equal(200, (int?)response["statusCode"]);
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)response["type"]);
        Assert.Equal(card.ToJsonString(), response["value"]?.ToJsonString());
    }

    [Fact]
    public void Wrapping_CopiesTheCard_SoOneCardCanBeWrappedTwice()
    {
        var card = AdaptiveCardRenderer.Render(MessageSamples.All(string.Empty)["notice"]);

        var attachment = TeamsCardEnvelope.Attachment(card);
        var response = TeamsCardEnvelope.InvokeResponse(card);

        Assert.NotSame(attachment["content"], response["value"]);
        Assert.Null(card.Parent);
    }
}
