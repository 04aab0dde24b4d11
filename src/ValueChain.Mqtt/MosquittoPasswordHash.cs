using System.Security.Cryptography;
using System.Text;

namespace ValueChain.Mqtt;

/// <summary>
/// A password as Mosquitto 2's dynamic-security plugin stores it: PBKDF2-HMAC-SHA512 with 101 iterations, a 12-byte
/// salt and a 64-byte hash, both base64 — what <c>mosquitto_ctrl dynsec</c> writes.
/// </summary>
internal sealed record MosquittoPasswordHash(string Hash, string Salt, int Iterations)
{
    private const int DefaultIterations = 101;
    private const int SaltLength = 12;
    private const int HashLength = 64;

    public static MosquittoPasswordHash Of(string password) => Of(password, RandomNumberGenerator.GetBytes(SaltLength));

    public static MosquittoPasswordHash Of(string password, byte[] salt)
    {
        byte[] hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, DefaultIterations, HashAlgorithmName.SHA512, HashLength);
        return new MosquittoPasswordHash(Convert.ToBase64String(hash), Convert.ToBase64String(salt), DefaultIterations);
    }
}
