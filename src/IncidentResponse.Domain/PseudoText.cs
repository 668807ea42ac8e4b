using System.Text;

namespace IncidentResponse.Domain;

/// <summary>
/// The pseudo-language's form of an English text (ADR 0030): every ASCII letter accented and the whole bracketed
/// (<c>[Ŷöû ŝîĝñéð îñ]</c>), with markup (<c>&lt;strong&gt;</c>), entities (<c>&amp;amp;</c>) and placeholders
/// (<c>{0}</c>) kept, and a command inside <c>&lt;code&gt;</c> kept whole, so a page walk can tell every word that came through translation from every word that did not.
/// </summary>
public static class PseudoText
{
    /// <summary>The pseudo-language's culture name.</summary>
    public const string Culture = "qps-Ploc";

    private const string CodeStart = "<code>";

    private const string CodeEnd = "</code>";

    private const string Plain = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private const string Accents = "àƀçðéƒĝĥîĵķĺɱñöþǫŕšţûṽŵẋýžÀƁÇÐÉƑĜĤÎĴĶĹṀÑÖÞǪŔŠŢÛṼŴẊÝŽ";

    public static string Of(string english)
    {
        ArgumentNullException.ThrowIfNull(english);
        var text = new StringBuilder(english.Length + 2).Append('[');
        var skipUntil = '\0';
        for (var i = 0; i < english.Length; i++)
        {
            var c = english[i];
            if (skipUntil != '\0')
            {
                text.Append(c);
                skipUntil = c == skipUntil ? '\0' : skipUntil;
                continue;
            }

            // A command to type is the same in every language: kept whole, as a translator would keep it.
            if (english.AsSpan(i).StartsWith(CodeStart, StringComparison.Ordinal)
                && english.IndexOf(CodeEnd, i, StringComparison.Ordinal) is var end and >= 0)
            {
                text.Append(english, i, end + CodeEnd.Length - i);
                i = end + CodeEnd.Length - 1;
                continue;
            }

            skipUntil = c switch { '<' => '>', '{' => '}', '&' => ';', _ => '\0' };
            text.Append(skipUntil == '\0' ? Accented(c) : c);
        }

        return text.Append(']').ToString();
    }

    private static char Accented(char c) => Plain.IndexOf(c, StringComparison.Ordinal) is var i and >= 0 ? Accents[i] : c;
}
