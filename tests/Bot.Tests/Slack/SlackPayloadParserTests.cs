using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MicroMove.Bot.Slack;

namespace MicroMove.Bot.Tests.Slack;

public sealed class SlackPayloadParserTests
{
    [Fact]
    public void Events_UrlVerification_GivesTheChallenge()
    {
        var parsed = SlackPayloadParser.ParseEvents(Bytes(SlackFixtures.Text("url_verification.json")), null);

        Assert.Equal(SlackParseOutcome.UrlVerification, parsed.Outcome);
        Assert.Equal("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", parsed.Value?.Challenge);
    }

    [Fact]
    public void Events_DirectMessage_IsTypedWithItsContext()
    {
        var parsed = SlackPayloadParser.ParseEvents(Bytes(SlackFixtures.Text("event_callback_message_im.json")), 2);

        var message = Assert.IsType<SlackDirectMessageEvent>(Accepted(parsed));
        Assert.Equal("U043H11ES4V", message.UserId);
        Assert.Equal("D0442US94JD", message.ChannelId);
        Assert.Equal("test", message.Text);
        Assert.Equal("1664408649.009629", message.Ts);
        Assert.Equal("1efd76a1-5075-4c2c-ad38-1284820b429f", message.ClientMsgId);
        Assert.Equal(new SlackEventContext("Ev044C51K43V", "T043DB835ML", null, "A0442TUPHGR", DateTimeOffset.FromUnixTimeSeconds(1664408649), 2), message.Context);
    }

    [Fact]
    public void Events_SignedFixtureBody_ParsesLikeTheIndentedOne()
    {
        var body = SlackFixtures.Json("signed_event_message_im.json").GetProperty("body").GetString() ?? string.Empty;

        var message = Assert.IsType<SlackDirectMessageEvent>(Accepted(SlackPayloadParser.ParseEvents(Bytes(body), null)));

        Assert.Equal("Ev044C51K43V", message.Context.EventId);
    }

    [Fact]
    public void Events_BotMessage_IsIgnored()
    {
        var parsed = SlackPayloadParser.ParseEvents(Bytes(SlackFixtures.Text("event_callback_message_bot_message.json")), null);

        Assert.Equal(SlackParseOutcome.Ignored, parsed.Outcome);
        Assert.Contains("bot_message", parsed.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("subtype", "message_changed")]
    [InlineData("subtype", "message_deleted")]
    [InlineData("bot_id", "B0442US8QGH")]
    [InlineData("user", "U0442US8QGH")]
    [InlineData("channel_type", "channel")]
    public void Events_EditsBotPostsOwnMessagesAndChannelMessages_AreIgnored(string field, string value)
    {
        var envelope = JsonNode.Parse(SlackFixtures.Text("event_callback_message_im.json"))?.AsObject() ?? [];
        envelope["event"]![field] = value;

        var parsed = SlackPayloadParser.ParseEvents(Bytes(envelope.ToJsonString()), null);

        Assert.Equal(SlackParseOutcome.Ignored, parsed.Outcome);
    }

    [Theory]
    [InlineData("event_callback_app_home_opened.json", "home", "Ev08EUKK3342")]
    [InlineData("event_callback_app_home_opened_messages_tab.json", "messages", "Ev08EUG3TZ0S")]
    public void Events_AppHomeOpened_GivesTheTab(string fixture, string tab, string eventId)
    {
        var opened = Assert.IsType<SlackAppHomeOpenedEvent>(Accepted(SlackPayloadParser.ParseEvents(Bytes(SlackFixtures.Text(fixture)), null)));

        Assert.Equal(tab, opened.Tab);
        Assert.Equal("U043H11ES4V", opened.UserId);
        Assert.Equal(eventId, opened.Context.EventId);
    }

    [Fact]
    public void Events_AppMention_IsTyped()
    {
        var payload = SlackFixtures.Json("socket_mode_events_api_envelope_app_mention.json").GetProperty("payload").GetRawText();

        var mention = Assert.IsType<SlackAppMentionEvent>(Accepted(SlackPayloadParser.ParseEvents(Bytes(payload), null)));

        Assert.Equal("U222", mention.UserId);
        Assert.Equal("C111", mention.ChannelId);
        Assert.Equal("<@U111>", mention.Text);
    }

    [Fact]
    public void Events_AppUninstalled_IsTyped()
    {
        var uninstalled = Assert.IsType<SlackAppUninstalledEvent>(Accepted(SlackPayloadParser.ParseEvents(Bytes(SlackFixtures.Text("event_callback_app_uninstalled.json")), null)));

        Assert.Equal("TXXXXXXXX", uninstalled.Context.TeamId);
    }

    [Fact]
    public void Events_TokensRevoked_ListsUserIds()
    {
        var revoked = Assert.IsType<SlackTokensRevokedEvent>(Accepted(SlackPayloadParser.ParseEvents(Bytes(SlackFixtures.Text("event_callback_tokens_revoked.json")), null)));

        Assert.Equal(["UXXXXXXXX"], revoked.BotUserIds);
        Assert.Equal(["UXXXXXXXX"], revoked.OAuthUserIds);
    }

    [Theory]
    [InlineData("app_rate_limited.json")]
    public void Events_AppRateLimited_IsIgnored(string fixture) =>
        Assert.Equal(SlackParseOutcome.Ignored, SlackPayloadParser.ParseEvents(Bytes(SlackFixtures.Text(fixture)), null).Outcome);

    [Fact]
    public void Events_UnknownInnerType_IsIgnored()
    {
        var envelope = JsonNode.Parse(SlackFixtures.Text("event_callback_app_uninstalled.json"))?.AsObject() ?? [];
        envelope["event"] = new JsonObject { ["type"] = "reaction_added", ["user"] = new JsonObject { ["id"] = "U1" } };

        var parsed = SlackPayloadParser.ParseEvents(Bytes(envelope.ToJsonString()), null);

        Assert.Equal(SlackParseOutcome.Ignored, parsed.Outcome);
        Assert.Contains("reaction_added", parsed.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("{}")]
    [InlineData("{\"type\":\"url_verification\"}")]
    [InlineData("{\"type\":\"event_callback\",\"team_id\":\"T1\",\"event\":{\"type\":\"app_uninstalled\"}}")]
    [InlineData("{\"type\":\"event_callback\",\"event_id\":\"Ev1\",\"event\":{\"type\":\"app_uninstalled\"}}")]
    [InlineData("{\"type\":\"event_callback\",\"event_id\":\"Ev1\",\"team_id\":\"T1\"}")]
    [InlineData("{\"type\":\"event_callback\",\"event_id\":\"Ev1\",\"team_id\":\"T1\",\"event\":\"x\"}")]
    [InlineData("{\"type\":\"event_callback\",\"event_id\":\"Ev1\",\"team_id\":\"T1\",\"event\":{}}")]
    [InlineData("{\"type\":\"event_callback\",\"event_id\":\"Ev1\",\"team_id\":\"T1\",\"event\":{\"type\":\"app_home_opened\"}}")]
    [InlineData("{\"type\":\"event_callback\",\"event_id\":42,\"team_id\":\"T1\",\"event\":{\"type\":\"app_uninstalled\"}}")]
    public void Events_Malformed_IsInvalid(string body) =>
        Assert.Equal(SlackParseOutcome.Invalid, SlackPayloadParser.ParseEvents(Bytes(body), null).Outcome);

    [Fact]
    public void Command_DocsExample_GivesEveryField()
    {
        var command = Accepted(SlackPayloadParser.ParseCommand(Bytes(SlackFixtures.Text("slash_command_webhook_collect.txt"))));

        Assert.Equal("T1DC2JH3J", command.TeamId);
        Assert.Equal("U2CERLKJA", command.UserId);
        Assert.Equal("roadrunner", command.UserName);
        Assert.Equal("G8PSS9T3V", command.ChannelId);
        Assert.Equal("/webhook-collect", command.Command);
        Assert.Equal(string.Empty, command.Text);
        Assert.Equal(new Uri("https://hooks.slack.com/commands/T1DC2JH3J/397700885554/96rGlfmibIGlgcZRskXaIFfN"), command.ResponseUrl);
        Assert.Equal("398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c", command.TriggerId);
        Assert.Null(command.EnterpriseId);
    }

    [Fact]
    public void Command_EnterpriseGrid_DecodesPlusAndEnterprise()
    {
        var command = Accepted(SlackPayloadParser.ParseCommand(Bytes(SlackFixtures.Text("slash_command_enterprise.txt"))));

        Assert.Equal("E111", command.EnterpriseId);
        Assert.Equal("W111", command.UserId);
        Assert.Equal("/hello-world", command.Command);
        Assert.Equal("Hi", command.Text);
    }

    [Fact]
    public void Command_TextWithSpaces_IsDecoded()
    {
        var body = SlackFixtures.Text("slash_command_webhook_collect.txt").Replace("text=&", "text=now+hips+%26+neck&", StringComparison.Ordinal);

        Assert.Equal("now hips & neck", Accepted(SlackPayloadParser.ParseCommand(Bytes(body))).Text);
    }

    [Theory]
    [InlineData("team_id")]
    [InlineData("user_id")]
    [InlineData("command")]
    [InlineData("response_url")]
    public void Command_MissingRequiredField_IsInvalidAndSaysWhich(string field)
    {
        var body = string.Join('&', SlackFixtures.Text("slash_command_webhook_collect.txt").Split('&').Where(pair => !pair.StartsWith(field + "=", StringComparison.Ordinal)));

        var parsed = SlackPayloadParser.ParseCommand(Bytes(body));

        Assert.Equal(SlackParseOutcome.Invalid, parsed.Outcome);
        Assert.Contains(field, parsed.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void SslCheck_IsRecognised()
    {
        Assert.True(SlackPayloadParser.IsSslCheck(Bytes(SlackFixtures.Text("ssl_check.txt"))));
        Assert.False(SlackPayloadParser.IsSslCheck(Bytes(SlackFixtures.Text("slash_command_webhook_collect.txt"))));
    }

    [Fact]
    public void Interaction_RealBlockActionsForm_GivesActionAndContainer()
    {
        var actions = Assert.IsType<SlackBlockActions>(Accepted(SlackPayloadParser.ParseInteraction(Bytes(SlackFixtures.Text("block_actions_form.txt")))));

        Assert.Equal("T0B0XJCTC", actions.Context.TeamId);
        Assert.Equal("UHN295AA0", actions.Context.UserId);
        Assert.Equal("801820457346.11031624930.ef92ce73dd2d8e76340af4f241c28b1e", actions.Context.TriggerId);
        var action = Assert.Single(actions.Actions);
        Assert.Equal("=tU", action.ActionId);
        Assert.Equal("3Yv+u", action.BlockId);
        Assert.Equal("button", action.Type);
        Assert.Equal("recWTcxEQVKjwpIIf", action.Value);
        Assert.Equal(new SlackContainer("message", "CDCQLNMEF", "1572428564.002300", null, IsEphemeral: true), actions.Container);
        Assert.Equal(new Uri("https://hooks.slack.com/actions/T0B0XJCTC/814613123445/YDP2bi3aPQWs2eFE3LKj58XC"), actions.ResponseUrl);
    }

    [Fact]
    public void Interaction_DocsBlockActions_GivesMessageTsAndChannel()
    {
        var actions = Assert.IsType<SlackBlockActions>(Accepted(SlackPayloadParser.ParseInteraction(Bytes(SlackFixtures.AsInteractionForm(SlackFixtures.Text("block_actions.json"))))));

        Assert.Equal("CBR2V3XEX", actions.Container.ChannelId);
        Assert.Equal("1548261231.000200", actions.Container.MessageTs);
        Assert.Equal("click_me_123", Assert.Single(actions.Actions).Value);
    }

    [Fact]
    public void Interaction_StaticSelect_GivesSelectedOption()
    {
        // Synthetic (no verbatim capture exists): block_actions.json's envelope with view_submission.json's selected_option shape.
        var payload = JsonNode.Parse(SlackFixtures.Text("block_actions.json"))?.AsObject() ?? [];
        payload["actions"] = new JsonArray(new JsonObject
        {
            ["action_id"] = "fatigue",
            ["block_id"] = "act:8f1c",
            ["type"] = "static_select",
            ["selected_option"] = new JsonObject { ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = "4" }, ["value"] = "4" },
            ["action_ts"] = "1548426417.840180",
        });

        var actions = Assert.IsType<SlackBlockActions>(Accepted(SlackPayloadParser.ParseInteraction(Bytes(SlackFixtures.AsInteractionForm(payload.ToJsonString())))));

        var action = Assert.Single(actions.Actions);
        Assert.Equal("static_select", action.Type);
        Assert.Equal("4", action.SelectedOptionValue);
        Assert.Null(action.Value);
    }

    [Fact]
    public void Interaction_ViewSubmission_GivesStateValues()
    {
        var submission = Assert.IsType<SlackViewSubmission>(Accepted(SlackPayloadParser.ParseInteraction(Bytes(SlackFixtures.AsInteractionForm(SlackFixtures.Text("view_submission.json"))))));

        Assert.Equal("V12345678", submission.ViewId);
        Assert.Equal("modal-callback-id", submission.CallbackId);
        Assert.Equal(string.Empty, submission.PrivateMetadata);
        Assert.Equal("3", submission.Values["rating"]["single_action"].SelectedOptionValue);
        Assert.Equal("2019-09-23", submission.Values["date-of-visit"]["single_action"].SelectedDate);
        Assert.Equal("Just amazing!", submission.Values["comment"]["single_action"].Value);
        Assert.Equal("plain_text_input", submission.Values["comment"]["single_action"].Type);
    }

    [Fact]
    public void Interaction_OrgWideInstall_TakesTheTeamFromTheUser()
    {
        var submission = Assert.IsType<SlackViewSubmission>(Accepted(SlackPayloadParser.ParseInteraction(Bytes(SlackFixtures.AsInteractionForm(SlackFixtures.Text("view_submission_org_install.json"))))));

        Assert.Equal("T111", submission.Context.TeamId);
        Assert.Equal("E111", submission.Context.EnterpriseId);
        Assert.True(submission.Context.IsEnterpriseInstall);
        Assert.Equal("03:00", submission.Values["time-block"]["time-action"].SelectedTime);
        Assert.Equal("America/Los_Angeles", submission.Values["time-block"]["time-action"].Timezone);
    }

    [Fact]
    public void Interaction_ViewClosed_IsTyped()
    {
        var payload = JsonNode.Parse(SlackFixtures.Text("view_submission.json"))?.AsObject() ?? [];
        payload["type"] = "view_closed";
        payload["is_cleared"] = true;

        var closed = Assert.IsType<SlackViewClosed>(Accepted(SlackPayloadParser.ParseInteraction(Bytes(SlackFixtures.AsInteractionForm(payload.ToJsonString())))));

        Assert.Equal("V12345678", closed.ViewId);
        Assert.True(closed.IsCleared);
    }

    [Theory]
    [InlineData("shortcut")]
    [InlineData("message_action")]
    [InlineData("interactive_message")]
    public void Interaction_OtherTypes_AreIgnored(string type)
    {
        var payload = JsonSerializer.Serialize(new Dictionary<string, object> { ["type"] = type, ["user"] = new Dictionary<string, string> { ["id"] = "U1" } });

        Assert.Equal(SlackParseOutcome.Ignored, SlackPayloadParser.ParseInteraction(Bytes(SlackFixtures.AsInteractionForm(payload))).Outcome);
    }

    [Theory]
    [InlineData("")]
    [InlineData("payload=")]
    [InlineData("payload=%7B")]
    [InlineData("payload=null")]
    [InlineData("payload=%7B%7D")]
    [InlineData("payload=%7B%22type%22%3A%22block_actions%22%7D")]
    [InlineData("payload=%7B%22type%22%3A%22block_actions%22%2C%22user%22%3A%7B%22id%22%3A%22U1%22%7D%7D")]
    [InlineData("payload=%7B%22type%22%3A%22block_actions%22%2C%22user%22%3A%7B%22id%22%3A%22U1%22%2C%22team_id%22%3A%22T1%22%7D%2C%22actions%22%3A%5B%5D%7D")]
    [InlineData("payload=%7B%22type%22%3A%22view_submission%22%2C%22user%22%3A%7B%22id%22%3A%22U1%22%2C%22team_id%22%3A%22T1%22%7D%7D")]
    [InlineData("payload=%7B%22type%22%3A%22block_actions%22%2C%22actions%22%3A%22x%22%7D")]
    [InlineData("payload=1&payload=2")]
    public void Interaction_Malformed_IsInvalid(string body) =>
        Assert.Equal(SlackParseOutcome.Invalid, SlackPayloadParser.ParseInteraction(Bytes(body)).Outcome);

    private static T Accepted<T>(SlackParsed<T> parsed)
        where T : class
    {
        Assert.True(parsed.Outcome == SlackParseOutcome.Accepted, parsed.Reason);
        return Assert.IsType<T>(parsed.Value, exactMatch: false);
    }

    private static SlackEvent Accepted(SlackParsed<SlackEventsRequest> parsed)
    {
        Assert.True(parsed.Outcome == SlackParseOutcome.Accepted, parsed.Reason);
        return parsed.Value?.Event ?? throw new InvalidOperationException("no event");
    }

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);
}
