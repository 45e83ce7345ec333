using System.Text.Json;
using System.Text.Json.Nodes;
using MicroMove.Bot.Rendering;
using MicroMove.Bot.Slack.BlockKit;
using MicroMove.Bot.Teams.AdaptiveCards;

namespace MicroMove.Bot.DevConsole;

/// <summary>The console page at <c>/</c>, its JSON API under <c>/dev/api</c> and the sample pages.</summary>
internal static class DevConsoleEndpoints
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/", () => DevConsolePage.Serve("index.html"));
        app.MapGet("/console/{file}", (string file) => DevConsolePage.Serve(file));
        app.MapGet("/dev/samples/slack", () => Results.Json(Samples(DevConsoleChat.CommandPrefix, BlockKitRenderer.Render)));
        app.MapGet("/dev/samples/teams", () => Results.Json(Samples(string.Empty, AdaptiveCardRenderer.Render)));

        var api = app.MapGroup("/dev/api");
        api.MapGet("/people", async (DevConsoleChat chat, CancellationToken ct) => Results.Ok(await chat.PeopleAsync(ct)));
        api.MapGet("/people/{personId:guid}/log", async (Guid personId, DevConsoleChat chat, CancellationToken ct) =>
            (await chat.LogAsync(personId, ct)).ToHttp());
        api.MapGet("/people/{personId:guid}/week", async (Guid personId, DevConsoleChat chat, CancellationToken ct) =>
            (await chat.WeekAsync(personId, ct)).ToHttp());
        api.MapGet("/conversations/{conversationId}/messages", async (string conversationId, DevConsoleChat chat, CancellationToken ct) =>
            Results.Ok(await chat.MessagesAsync(conversationId, ct)));
        api.MapPost("/conversations/{personId}/say", async (string personId, HttpRequest request, DevConsoleChat chat, CancellationToken ct) =>
        {
            // A person id, or a cast member's user id ("ada") for someone MicroMove does not know (any more).
            var (say, problem) = await ReadAsync<DevConsoleSay>(request, ct);
            return problem is not null ? problem.ToHttp() : (await chat.SayAsync(personId, say?.Text, ct)).ToHttp();
        });
        api.MapPost("/channels/{channelId}/say", async (string channelId, HttpRequest request, DevConsoleChat chat, CancellationToken ct) =>
        {
            var (say, problem) = await ReadAsync<DevConsoleChannelSay>(request, ct);
            return problem is not null ? problem.ToHttp() : (await chat.SayInChannelAsync(channelId, say, ct)).ToHttp();
        });
        api.MapPost("/actions", async (HttpRequest request, DevConsoleChat chat, CancellationToken ct) =>
        {
            var (action, problem) = await ReadAsync<DevConsoleAction>(request, ct);
            return problem is not null ? problem.ToHttp() : (await chat.ActAsync(action, ct)).ToHttp();
        });
        api.MapGet("/clock", (DevConsoleChat chat) => Results.Ok(chat.Clock()));
        api.MapPost("/clock/next-slot", async (HttpRequest request, DevConsoleChat chat, CancellationToken ct) =>
        {
            var (jump, problem) = await ReadAsync<DevConsoleJump>(request, ct);
            return problem is not null ? problem.ToHttp() : (await chat.JumpToNextSlotAsync(jump?.PersonId, ct)).ToHttp();
        });
        api.MapPost("/clock/friday-evening", async (HttpRequest request, DevConsoleChat chat, CancellationToken ct) =>
        {
            var (jump, problem) = await ReadAsync<DevConsoleJump>(request, ct);
            return problem is not null ? problem.ToHttp() : (await chat.JumpToFridayEveningAsync(jump?.PersonId, ct)).ToHttp();
        });
        api.MapPost("/clock/challenge-update", async (DevConsoleChat chat, CancellationToken ct) => (await chat.JumpToChallengeUpdateAsync(ct)).ToHttp());
        api.MapPost("/clock/reset", async (DevConsoleChat chat, CancellationToken ct) => Results.Ok(await chat.ResetClockAsync(ct)));
    }

    private static Dictionary<string, JsonObject> Samples(string prefix, Func<Domain.Messages.BotMessage, JsonObject> render) =>
        MessageSamples.All(prefix).ToDictionary(sample => sample.Key, sample => render(sample.Value), StringComparer.Ordinal);

    /// <summary>Reads a JSON body; a malformed one is a 400 with the parser's reason, never a 500.</summary>
    private static async Task<(T? Value, DevConsoleResult? Problem)> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(request.Body, Json, cancellationToken);
            return value is null ? (null, DevConsoleResult.Bad("The body must be a JSON object.")) : (value, null);
        }
        catch (JsonException exception)
        {
            return (null, DevConsoleResult.Bad($"The body is not valid JSON: {exception.Message}"));
        }
    }
}
