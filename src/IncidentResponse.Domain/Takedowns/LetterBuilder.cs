namespace IncidentResponse.Domain.Takedowns;

/// <summary>Collects a letter's sections and the elements they carry, as <see cref="LetterBodies"/> writes them.</summary>
internal sealed class LetterBuilder(LetterInput input)
{
    public LetterInput Input { get; } = input;

    public List<LetterSection> Sections { get; } = [];

    public List<LetterElement> Elements { get; } = [];

    public List<string> Sender { get; } = [];

    public string? DateLine { get; private set; }

    public string? RecipientLine { get; private set; }

    public List<string> SignatureLines { get; } = [];

    public string Subject => Input.SenderActsForPersonShown ? "the person I represent" : "me";

    /// <summary>Free text typed by the person, trimmed, with any private value withheld.</summary>
    public string Free(string? text) => (Input.Sender ?? new SenderIdentity()).Redact((text ?? "").Trim());

    /// <summary>A section of the body (none when <paramref name="paragraphs"/> is empty: only its elements count).</summary>
    public void Add(string? heading, IReadOnlyList<string> paragraphs, IReadOnlyList<LetterElement> elements)
    {
        if (paragraphs.Count > 0)
        {
            Sections.Add(new LetterSection(heading, paragraphs));
        }

        Note(elements);
    }

    private void Note(IReadOnlyList<LetterElement> elements)
    {
        foreach (var element in elements.Where(e => !Elements.Contains(e)))
        {
            Elements.Add(element);
        }
    }

    /// <summary>The date and the recipient (the platform's operator, or <paramref name="to"/>), each on its own line.</summary>
    public void Header(string? to = null)
    {
        var recipient = Input.Recipient;
        DateLine = $"Date: {LetterComposer.DateOrBlank(Input.LetterDate)}";
        RecipientLine = $"To: {to ?? $"{recipient.Operator} ({recipient.Name})"}";
        Note([LetterElement.Recipient]);
    }

    public void Locations(string lead, string? heading = null)
    {
        var addresses = LetterComposer.Addresses(Input);
        if (addresses.Count == 0)
        {
            return;
        }

        Add(heading, [lead, .. addresses.Select(a => $"- {a.Url} (first seen {LetterComposer.Date(a.FirstSeen)})")], [LetterElement.ContentLocation]);
    }

    public void OptionalReasons()
    {
        if (!string.IsNullOrWhiteSpace(Input.Reasons))
        {
            Add(null, [Free(Input.Reasons)], [LetterElement.Reasons]);
        }
    }

    public void GoodFaith(LetterKind kind)
    {
        if (Input.GoodFaithConfirmed && LetterComposer.GoodFaithStatement(kind, Input.SenderActsForPersonShown) is { } statement)
        {
            Add(null, [statement], [LetterElement.GoodFaithStatement]);
        }
    }

    public void Incidents()
    {
        var incidents = (Input.Incidents ?? []).Where(i => i is not null).OrderBy(i => i.Date).ToList();
        if (incidents.Count > 0)
        {
            Add("What happened", [.. incidents.Select(i => $"- {LetterComposer.Date(i.Date)}: {Free(i.Kind)}")], []);
        }
    }

    public void Scope() => Add("Records to preserve",
    [
        "- the content at the addresses below, including copies already removed;",
        "- the accounts that posted or shared it, with their subscriber and registration details;",
        "- logs of uploads, access and sharing, with IP addresses and timestamps;",
        "- messages and other records connected with the content or the accounts.",
    ], [LetterElement.PreservationScope]);

    /// <summary>
    /// The sender block at the head of the letter: the details the person chose to print, none private (only the name
    /// and email when <paramref name="nameAndEmailOnly"/>). Someone writing for the person shown says so here, in the
    /// body.
    /// </summary>
    public void Contact(bool nameAndEmailOnly = false)
    {
        if (Sender.Count > 0)
        {
            return;
        }

        var sender = Input.Sender ?? new SenderIdentity();
        AddLine(Sender, "Name", sender.Name);
        AddLine(Sender, "Email", sender.Email);
        if (!nameAndEmailOnly)
        {
            AddLine(Sender, "Postal address", sender.PostalAddress);
            AddLine(Sender, "Phone", sender.Phone);
        }

        if (Sender.Count == 0)
        {
            return;
        }

        Note([LetterElement.ContactInformation]);
        if (Input.SenderActsForPersonShown && !nameAndEmailOnly)
        {
            Add(null, ["I am writing on behalf of the person shown, with their permission."], []);
        }
    }

    public void Signature()
    {
        var name = Input.Sender?.Name?.Printable;
        if (Input.SignatureConfirmed && name is not null)
        {
            SignatureLines.AddRange([$"/s/ {name}", $"Signed electronically on {LetterComposer.DateOrBlank(Input.LetterDate)}"]);
            Note([LetterElement.Signature]);
        }
    }

    private static void AddLine(List<string> lines, string label, IdentityField? field)
    {
        var value = field?.Printable;
        if (value is not null)
        {
            lines.Add($"{label}: {value.ReplaceLineEndings(", ")}");
        }
    }
}
