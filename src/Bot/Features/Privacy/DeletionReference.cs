using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace MicroMove.Bot.Features.Privacy;

/// <summary>
/// What the buttons of a delete confirmation carry: <c>{person id}.{owner tag}</c>. The tag is a hash of
/// the owner's workspace and platform user id, so a press can be matched to the owner even after their
/// person row is gone; the person id tells a stale confirmation (from before a re-creation) from a live
/// one. Neither part grants anything: a press only ever deletes the presser's own data, and only
/// when the tag is the presser's.
/// </summary>
internal static class DeletionReference
{
    private const int TagBytes = 12;
    private const char Separator = '.';

    public static string For(Guid personId, Guid workspaceId, string platformUserId) =>
        $"{personId:N}{Separator}{Tag(workspaceId, platformUserId)}";

    /// <summary>The owner tag of a workspace's user: 12 bytes of SHA-256, base64url (16 characters).</summary>
    public static string Tag(Guid workspaceId, string platformUserId)
    {
        ArgumentException.ThrowIfNullOrEmpty(platformUserId);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{workspaceId:N}\n{platformUserId}"));
        return Base64Url.EncodeToString(hash.AsSpan(0, TagBytes));
    }

    public static bool TryParse(string? reference, out Guid personId, out string tag)
    {
        personId = Guid.Empty;
        tag = string.Empty;
        var separator = reference?.IndexOf(Separator, StringComparison.Ordinal) ?? -1;
        if (reference is null || separator < 0 || !Guid.TryParseExact(reference[..separator], "N", out personId))
        {
            return false;
        }

        tag = reference[(separator + 1)..];
        return tag.Length == Base64Url.GetEncodedLength(TagBytes);
    }

    /// <summary>True when <paramref name="tag"/> is the tag of this workspace's user (compared in constant time).</summary>
    public static bool IsOwner(string tag, Guid workspaceId, string platformUserId) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(tag), Encoding.ASCII.GetBytes(Tag(workspaceId, platformUserId)));
}
