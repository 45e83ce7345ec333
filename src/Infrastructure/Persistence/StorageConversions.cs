using System.Text.Json;
using MicroMove.Infrastructure.Persistence.Entities;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace MicroMove.Infrastructure.Persistence;

/// <summary>How enums and JSON documents are written to columns: lower-case words and camelCase JSON.</summary>
internal static class StorageConversions
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static ValueConverter<TEnum, string> LowerCase<TEnum>()
        where TEnum : struct, Enum =>
        new(value => ToText(value), text => Parse<TEnum>(text));

    public static string ToText<TEnum>(TEnum value)
        where TEnum : struct, Enum => value.ToString().ToLowerInvariant();

    public static ValueConverter<T, string> JsonDocument<T>()
        where T : class =>
        new(value => Serialize(value), text => Deserialize<T>(text));

    /// <summary>Compares JSON-mapped values by content, so edits inside them are saved.</summary>
    public static ValueComparer<T> JsonComparer<T>()
        where T : class =>
        new(
            (left, right) => Serialize(left) == Serialize(right),
            value => Serialize(value).GetHashCode(StringComparison.Ordinal),
            value => Deserialize<T>(Serialize(value)));

    private static TEnum Parse<TEnum>(string text)
        where TEnum : struct, Enum => Enum.Parse<TEnum>(text, ignoreCase: true);

    private static string Serialize<T>(T? value) => JsonSerializer.Serialize(value, Json);

    private static T Deserialize<T>(string text)
        where T : class =>
        JsonSerializer.Deserialize<T>(text, Json) ?? throw new JsonException($"Stored {typeof(T).Name} is null.");

    /// <summary>SQL list of the stored names of every value, for CHECK constraints.</summary>
    public static string SqlList<TEnum>()
        where TEnum : struct, Enum =>
        SqlList(Enum.GetValues<TEnum>());

    /// <summary>The given values as a SQL list of text literals: <c>'a', 'b'</c>.</summary>
    public static string SqlList<TEnum>(params TEnum[] values)
        where TEnum : struct, Enum =>
        string.Join(", ", values.Select(value => $"'{ToText(value)}'"));

    public static string Text(DeliveryStatus status) => ToText(status);
}
