using System.Text.Json;
using MicroMove.Bot.Teams;

namespace MicroMove.Bot.Tests.Teams;

/// <summary>The real activity shapes of shared/fixtures/teams parse into the typed records.</summary>
public sealed class TeamsActivityParsingTests
{
    public static TheoryData<string> InboundFixtures() =>
    [
        "message_activity.json",
        "channel_message_mention.json",
        "channel_message_bot_mention_sentry.json",
        "conversation_update_bot_added.json",
        "conversation_update_bot_added_team.json",
        "conversation_update_bot_added_personal_sentry.json",
        "conversation_update_member_removed_team.json",
        "installation_update_add.json",
        "invoke_adaptive_card_action.json",
        "invoke_adaptive_card_action_refresh.json",
        "message_with_value_action_submit.json",
        "message_with_value_messageback.json",
        "message_personal_command_sentry.json",
        "message_update_edit_event.json",
    ];

    [Theory]
    [MemberData(nameof(InboundFixtures))]
    public void EveryInboundFixture_Parses(string fixture)
    {
        var activity = Parse(fixture);

        Assert.False(string.IsNullOrEmpty(activity.Type));
    }

    [Fact]
    public void PersonalMessage_CarriesEnvelopeTenantAndClientTimezone()
    {
        var activity = Parse("message_activity.json");

        Assert.Equal(ActivityTypes.Message, activity.Type);
        Assert.Equal("1485983408511", activity.Id);
        Assert.Equal("https://smba.trafficmanager.net/amer/", activity.ServiceUrl);
        Assert.Equal("msteams", activity.ChannelId);
        Assert.Equal("7faf8ab2-3d56-4244-b585-20c8a42ed2b8", activity.From?.AadObjectId);
        Assert.Equal("personal", activity.Conversation?.ConversationType);
        Assert.StartsWith("a:", activity.Conversation?.Id, StringComparison.Ordinal);
        Assert.Equal("28:c9e8c047-2a74-40a2-b28a-b162d5f5327c", activity.Recipient?.Id);
        Assert.Equal("72f988bf-86f1-41af-91ab-2d7cd011db47", activity.TenantId);
        Assert.Equal("America/Los_Angeles", activity.ClientTimezone);
        Assert.Equal("en-US", activity.ClientLocale);
        Assert.Equal(new DateTimeOffset(2017, 2, 1, 21, 10, 7, 437, TimeSpan.Zero), activity.Timestamp);
        Assert.Equal("text/html", Assert.Single(activity.Attachments ?? []).ContentType);
    }

    [Fact]
    public void ChannelMessage_StripsTheBotMentionBeforeTheCommand()
    {
        var activity = Parse("channel_message_bot_mention_sentry.json");

        Assert.Equal("channel", activity.Conversation?.ConversationType);
        Assert.Equal("f5ffd8cf-a1aa-4242-adad-86509faa3be5", activity.Conversation?.TenantId);
        Assert.Equal("19:8d46058cda57449380517cc374727f2a@thread.tacv2", activity.ChannelData?.Team?.Id);
        Assert.Equal("help", activity.TextWithoutBotMention);
    }

    [Fact]
    public void Mentions_OnlyTheBotIsStripped_AndEntityTextMayDifferByAnAt()
    {
        var activity = Parse("channel_message_mention.json");

        Assert.Equal("Hey <at>Pranav Smith</at> check out this message", activity.TextWithoutBotMention);
        Assert.Equal("Hey  check out this message", Mentions.Strip(activity.Text, activity.Entities, "29:08q2j2o3jc09au90eucae"));
        Assert.Equal("Hey  check out this message", Mentions.Strip(activity.Text, activity.Entities, mentionedId: null));
    }

    [Fact]
    public void ExecuteInvoke_ExposesVerbDataAndTrigger()
    {
        var activity = Parse("invoke_adaptive_card_action.json");

        var invoke = Assert.IsType<AdaptiveCardInvokeValue>(activity.AdaptiveCardInvoke);
        Assert.Equal("Action.Execute", invoke.Action?.Type);
        Assert.Equal("doStuff", invoke.Action?.Verb);
        Assert.Equal("first name", invoke.Action?.Data?.GetProperty("firstName").GetString());
        Assert.Equal(AdaptiveCardInvokeValue.ManualTrigger, invoke.Trigger);
        Assert.Equal("doStuff", activity.CardVerb);
    }

    [Fact]
    public void RefreshInvoke_IsAutomatic()
    {
        var invoke = Parse("invoke_adaptive_card_action_refresh.json").AdaptiveCardInvoke;

        Assert.Equal(AdaptiveCardInvokeValue.AutomaticTrigger, invoke?.Trigger);
        Assert.Equal("editOrResolveView", invoke?.Action?.Verb);
    }

    [Fact]
    public void SubmitFallback_IsAMessageWithValue_AndItsVerbIsRead()
    {
        var submit = Parse("message_with_value_action_submit.json");
        Assert.Equal(ActivityTypes.Message, submit.Type);
        Assert.Equal("ddd", submit.Value?.GetProperty("a").GetString());
        Assert.Null(submit.AdaptiveCardInvoke);

        var withVerb = TeamsTestBed.Fixture("message_with_value_action_submit.json", node => TeamsTestBed.Child(node, "value")["verb"] = "prompt.done");
        Assert.Equal("prompt.done", JsonSerializer.Deserialize(withVerb, TeamsJsonContext.Default.TeamsActivity)?.CardVerb);
    }

    [Fact]
    public void BotAddedToTeam_HasMembersAddedEventTypeAndTeam()
    {
        var activity = Parse("conversation_update_bot_added_team.json");

        Assert.Equal(ActivityTypes.ConversationUpdate, activity.Type);
        Assert.Equal("teamMemberAdded", activity.ChannelData?.EventType);
        Assert.Equal("19:efa9296d959346209fea44151c742e73@thread.skype", activity.ChannelData?.Team?.Id);
        var added = Assert.Single(activity.MembersAdded ?? []);
        Assert.True(activity.IsBot(added));
        Assert.True(activity.Conversation?.IsGroup);
    }

    [Fact]
    public void MemberRemoved_HasMembersRemoved()
    {
        var activity = Parse("conversation_update_member_removed_team.json");

        Assert.NotEmpty(activity.MembersRemoved ?? []);
        Assert.Equal("teamMemberRemoved", activity.ChannelData?.EventType);
    }

    [Fact]
    public void InstallationUpdate_HasActionAndSelectedChannel()
    {
        var activity = Parse("installation_update_add.json");

        Assert.Equal(ActivityTypes.InstallationUpdate, activity.Type);
        Assert.Equal("add", activity.Action);
        Assert.Equal("sample channel ID@thread.skype", activity.ChannelData?.Settings?.SelectedChannel?.Id);
        Assert.Equal("sample tenant ID", activity.TenantId);
    }

    [Fact]
    public void ConversationReference_TakesWhatAProactiveMessageNeeds()
    {
        var reference = ConversationReference.From(Parse("message_activity.json"));

        Assert.NotNull(reference);
        Assert.Equal("https://smba.trafficmanager.net/amer/", reference.ServiceUrl);
        Assert.Equal("72f988bf-86f1-41af-91ab-2d7cd011db47", reference.TenantId);
        Assert.StartsWith("29:", reference.UserId, StringComparison.Ordinal);
        Assert.Equal("7faf8ab2-3d56-4244-b585-20c8a42ed2b8", reference.AadObjectId);
        Assert.Equal("28:c9e8c047-2a74-40a2-b28a-b162d5f5327c", reference.BotId);
        Assert.Equal("personal", reference.ConversationType);
    }

    [Fact]
    public void InvokeResultCard_IsTheEnvelopeTeamsExpects()
    {
        var expected = TeamsTestBed.Json(TeamsTestBed.Fixture("invoke_response_card.json"));

        var result = InvokeResult.Card(expected.GetProperty("value"));

        Assert.Equal(200, result.HttpStatusCode);
        Assert.True(JsonElement.DeepEquals(expected, result.BodyJson() ?? default));
    }

    private static TeamsActivity Parse(string fixture) =>
        JsonSerializer.Deserialize(TeamsTestBed.Fixture(fixture), TeamsJsonContext.Default.TeamsActivity)
        ?? throw new InvalidOperationException(fixture);
}
