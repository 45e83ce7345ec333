using System.Diagnostics.CodeAnalysis;
using MicroMove.Infrastructure.Persistence.Entities;

namespace MicroMove.Bot.Chat;

/// <summary>The registered gateways, by platform.</summary>
internal sealed class ChatGateways(IEnumerable<IChatGateway> gateways)
{
    private readonly Dictionary<ChatPlatform, IChatGateway> _byPlatform = gateways.ToDictionary(g => g.Platform);

    public bool TryGet(ChatPlatform platform, [MaybeNullWhen(false)] out IChatGateway gateway) =>
        _byPlatform.TryGetValue(platform, out gateway);
}
