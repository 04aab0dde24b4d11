using System.Text.Json.Serialization;

namespace ValueChain.Storage.Ipfs.Kubo;

/// <summary>Kubo's error answer: <c>{"Message":…,"Code":…,"Type":"error"}</c>.</summary>
internal sealed record KuboError(string? Message, int? Code, string? Type);

/// <summary>One line of <c>add</c>'s answer.</summary>
internal sealed record KuboAdded(string? Name, string? Hash, string? Size);

/// <summary><c>block/put</c>'s and <c>block/stat</c>'s answer.</summary>
internal sealed record KuboBlockStat(string? Key, long Size);

/// <summary><c>pin/add</c>'s and <c>pin/rm</c>'s answer.</summary>
internal sealed record KuboPins(IReadOnlyList<string>? Pins);

/// <summary><c>pin/ls</c>'s answer: pinned CIDs and their type.</summary>
internal sealed record KuboPinList(IReadOnlyDictionary<string, KuboPinType>? Keys);

/// <summary>The type of one pin in <c>pin/ls</c>.</summary>
internal sealed record KuboPinType(string? Type);

/// <summary>One line of <c>refs/local</c>'s answer.</summary>
internal sealed record KuboRef(string? Ref, string? Err);

/// <summary>An IPLD link as Kubo writes it: <c>{"/": cid}</c>.</summary>
internal sealed record KuboLink([property: JsonPropertyName("/")] string? Cid);

/// <summary>One line of <c>repo/gc</c>'s answer.</summary>
internal sealed record KuboGcLine(KuboLink? Key, string? Error);

/// <summary><c>repo/stat</c>'s answer.</summary>
internal sealed record KuboRepoStat(long NumObjects, long RepoSize);

/// <summary>One line of <c>dag/import</c>'s answer.</summary>
internal sealed record KuboImported(KuboImportedRoot? Root);

/// <summary>A root <c>dag/import</c> pinned, with the error when it could not.</summary>
internal sealed record KuboImportedRoot(KuboLink? Cid, string? PinErrorMsg);

/// <summary>The source-generated serializers of Kubo's answers.</summary>
[JsonSourceGenerationOptions(PropertyNameCaseInsensitive = true, NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(KuboError))]
[JsonSerializable(typeof(KuboAdded))]
[JsonSerializable(typeof(KuboBlockStat))]
[JsonSerializable(typeof(KuboPins))]
[JsonSerializable(typeof(KuboPinList))]
[JsonSerializable(typeof(KuboRef))]
[JsonSerializable(typeof(KuboGcLine))]
[JsonSerializable(typeof(KuboRepoStat))]
[JsonSerializable(typeof(KuboImported))]
internal sealed partial class KuboJsonContext : JsonSerializerContext;
