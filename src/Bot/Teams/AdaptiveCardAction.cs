using System.Text.Json;

namespace MicroMove.Bot.Teams;

/// <summary>The Action.Execute that was pressed: its verb and data (card data merged with input values).</summary>
internal sealed record AdaptiveCardAction
{
    public string? Type { get; init; }

    public string? Id { get; init; }

    public string? Verb { get; init; }

    public string? Title { get; init; }

    public JsonElement? Data { get; init; }
}
