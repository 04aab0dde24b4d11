using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;

namespace ValueChain.Cryptography;

/// <summary>
/// Web3 Secret Storage v3 keystores, as written by geth, ethers and most wallets: scrypt or
/// PBKDF2-HMAC-SHA256 key derivation, AES-128-CTR, and a Keccak-256 MAC that tells a wrong
/// password apart from a correct one before anything is decrypted.
/// </summary>
public static class KeystoreV3
{
    /// <summary>Decrypts a keystore file's JSON with <paramref name="password"/>.</summary>
    /// <exception cref="KeystoreException">
    /// <see cref="ErrorCodes.WrongPassword"/> when the MAC does not match (no key is returned);
    /// <see cref="ErrorCodes.InvalidKeystore"/> when the JSON is malformed or uses an unsupported cipher or KDF.
    /// </exception>
    public static PrivateKey Decrypt(string json, string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        JsonObject root;
        try
        {
            root = JsonNode.Parse(json)?.AsObject() ?? throw Invalid("the keystore is not a JSON object");
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentNullException)
        {
            throw Invalid($"the keystore is not valid JSON ({e.Message})");
        }

        try
        {
            return Decrypt(root, password);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or ValueChainFormatException or InvalidKeyException)
        {
            throw Invalid($"the keystore is malformed ({e.Message})");
        }
    }

    /// <summary>Encrypts <paramref name="key"/> into keystore JSON (scrypt, AES-128-CTR, random salt and IV).</summary>
    public static string Encrypt(PrivateKey key, string password, KeystoreOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(password);
        options ??= new KeystoreOptions();
        byte[] salt = RandomNumberGenerator.GetBytes(32);
        byte[] iv = RandomNumberGenerator.GetBytes(16);
        byte[] derived = SCrypt.Generate(PasswordBytes(password), salt, options.ScryptN, options.ScryptR, options.ScryptP, 32);
        byte[] ciphertext = AesCtr(derived.AsSpan(0, 16), iv, key.ToBytes());
        var keystore = new JsonObject
        {
            ["address"] = key.Address.ToLowerHex()[2..],
            ["id"] = Guid.NewGuid().ToString(),
            ["version"] = 3,
            ["crypto"] = new JsonObject
            {
                ["cipher"] = "aes-128-ctr",
                ["cipherparams"] = new JsonObject { ["iv"] = Hex.Encode(iv, prefix: false) },
                ["ciphertext"] = Hex.Encode(ciphertext, prefix: false),
                ["kdf"] = "scrypt",
                ["kdfparams"] = new JsonObject
                {
                    ["dklen"] = 32,
                    ["n"] = options.ScryptN,
                    ["p"] = options.ScryptP,
                    ["r"] = options.ScryptR,
                    ["salt"] = Hex.Encode(salt, prefix: false),
                },
                ["mac"] = Hex.Encode(Mac(derived, ciphertext), prefix: false),
            },
        };
        CryptographicOperations.ZeroMemory(derived);
        return keystore.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    private static PrivateKey Decrypt(JsonObject root, string password)
    {
        if (root["version"]?.GetValue<int>() != 3)
        {
            throw Invalid($"only version 3 keystores are supported, not {root["version"]?.ToJsonString() ?? "(none)"}");
        }

        // geth writes "crypto", ethers and some wallets "Crypto".
        JsonObject crypto = (root["crypto"] ?? root["Crypto"])?.AsObject() ?? throw Invalid("the keystore has no crypto section");
        string cipher = crypto["cipher"]?.GetValue<string>() ?? "(none)";
        if (cipher != "aes-128-ctr")
        {
            throw Invalid($"cipher '{cipher}' is not supported (only aes-128-ctr)");
        }

        byte[] ciphertext = Hex.Decode(Text(crypto, "ciphertext"), "ciphertext");
        byte[] expectedMac = Hex.Decode(Text(crypto, "mac"), "mac");
        byte[] derived = PasswordEncodings(password)
            .Select(encoded => DeriveKey(crypto, encoded))
            .FirstOrDefault(candidate => CryptographicOperations.FixedTimeEquals(Mac(candidate, ciphertext), expectedMac))
            ?? throw new KeystoreException(ErrorCodes.WrongPassword, "The keystore could not be decrypted: the password is wrong (MAC mismatch).");
        try
        {

            byte[] iv = Hex.Decode(Text(crypto["cipherparams"]?.AsObject(), "iv"), "iv");
            byte[] plaintext = AesCtr(derived.AsSpan(0, 16), iv, ciphertext);
            PrivateKey key = PrivateKey.FromBytes(plaintext);
            CryptographicOperations.ZeroMemory(plaintext);
            if (root["address"]?.GetValue<string>() is { Length: > 0 } stated && Address.Parse(stated) != key.Address)
            {
                throw Invalid($"the decrypted key belongs to {key.Address}, not to the stated address {stated}");
            }

            return key;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(derived);
        }
    }

    private static byte[] DeriveKey(JsonObject crypto, byte[] password)
    {
        string kdf = crypto["kdf"]?.GetValue<string>() ?? "(none)";
        JsonObject parameters = crypto["kdfparams"]?.AsObject() ?? throw Invalid("the keystore has no kdfparams");
        byte[] salt = Hex.Decode(Text(parameters, "salt"), "salt");
        int length = parameters["dklen"]?.GetValue<int>() ?? 32;
        if (length < 32)
        {
            throw Invalid($"dklen must be at least 32, not {length}");
        }

        switch (kdf)
        {
            case "scrypt":
                int n = Integer(parameters, "n"), r = Integer(parameters, "r"), p = Integer(parameters, "p");
                if (n < 2 || (n & (n - 1)) != 0 || r < 1 || p < 1)
                {
                    throw Invalid($"scrypt parameters n={n}, r={r}, p={p} are invalid (n must be a power of two)");
                }

                return SCrypt.Generate(password, salt, n, r, p, length);
            case "pbkdf2":
                string prf = parameters["prf"]?.GetValue<string>() ?? "(none)";
                if (prf != "hmac-sha256")
                {
                    throw Invalid($"pbkdf2 prf '{prf}' is not supported (only hmac-sha256)");
                }

                return Rfc2898DeriveBytes.Pbkdf2(password, salt, Integer(parameters, "c"), HashAlgorithmName.SHA256, length);
            default:
                throw Invalid($"kdf '{kdf}' is not supported (scrypt or pbkdf2)");
        }
    }

    // ethers normalises passwords to NFKC; geth encodes them as typed. New files use NFKC.
    private static byte[] PasswordBytes(string password) => Encoding.UTF8.GetBytes(password.Normalize(NormalizationForm.FormKC));

    // Files from other wallets may have been written with any of these encodings of the same password;
    // only distinct ones are tried, so an ASCII password costs one key derivation.
    private static IEnumerable<byte[]> PasswordEncodings(string password) =>
        new[] { password.Normalize(NormalizationForm.FormKC), password, password.Normalize(NormalizationForm.FormKD) }
            .Distinct(StringComparer.Ordinal)
            .Select(Encoding.UTF8.GetBytes);

    private static byte[] Mac(byte[] derived, byte[] ciphertext)
    {
        var hasher = new Keccak256Hasher();
        hasher.Append(derived.AsSpan(16, 16));
        hasher.Append(ciphertext);
        return hasher.GetHashAndReset().ToArray();
    }

    private static byte[] AesCtr(ReadOnlySpan<byte> key, byte[] iv, byte[] input)
    {
        var cipher = CipherUtilities.GetCipher("AES/CTR/NoPadding");
        cipher.Init(forEncryption: true, new ParametersWithIV(new KeyParameter(key.ToArray()), iv));
        return cipher.DoFinal(input);
    }

    private static string Text(JsonObject? section, string name) =>
        section?[name]?.GetValue<string>() ?? throw Invalid($"the keystore has no '{name}'");

    private static int Integer(JsonObject section, string name) =>
        section[name]?.GetValue<int>() ?? throw Invalid($"the keystore has no '{name}'");

    private static KeystoreException Invalid(string message) => new(ErrorCodes.InvalidKeystore, $"Invalid keystore: {message}.");
}
