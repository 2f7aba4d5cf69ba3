"""Fixed vocabularies: resource kinds, focus terms, and the support-group quality scales."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from .language import words


@dataclass(frozen=True, slots=True)
class Term:
    """One value of a controlled vocabulary, with a label and a plain-language explanation."""

    id: str
    label: str
    explanation: str = ""


@dataclass(frozen=True, slots=True)
class FocusTerm:
    """A focus term: a gene, syndrome, cause or broad area a resource concentrates on."""

    id: str
    label: str
    group: str
    parent: str | None = None
    synonyms: tuple[str, ...] = field(default_factory=tuple)
    explanation: str = ""


@dataclass(frozen=True, slots=True)
class Kind(Term):
    """A resource kind: with a short label for narrow places (table columns, filter lists;
    the full label is the tooltip), and whether it is a community of members, to which
    moderation and member activity apply."""

    short: str = ""
    community: bool = False


# Every kind is declared here and only here (docs/ARCHITECTURE.md: adding a kind).
KINDS: tuple[Kind, ...] = (
    Kind(
        "national_org",
        "National organization",
        "A national or international organization.",
        "National org",
    ),
    Kind(
        "support_group",
        "Support group",
        "A community where families support each other.",
        "Support group",
        community=True,
    ),
    Kind(
        "financial_aid",
        "Financial aid & insurance help",
        "Money, insurance or benefits help.",
        "Financial aid",
    ),
    Kind(
        "school_guide",
        "School & work accommodation guide",
        "Help with IEPs, Section 504 and accommodations at school or work.",
        "School & work",
    ),
    Kind(
        "clinical_finder",
        "Finding clinicians & studies",
        "Tools to find therapists, specialists, clinics or research studies.",
        "Clinicians & studies",
    ),
    Kind(
        "condition_info",
        "Learn about the condition",
        "An authoritative page that explains a condition: what it is, how it is found and cared "
        "for (GeneReviews, MedlinePlus Genetics, GARD, Orphanet, public-health pages).",
        "Condition info",
    ),
    Kind(
        "local_service",
        "Local services",
        "General community services from a 211 or other directory: food, housing, transport, "
        "benefits advice and more, not specific to a condition.",
        "Local service",
    ),
)
KIND_SHORT: dict[str, str] = {k.id: k.short for k in KINDS}
COMMUNITY_KINDS = frozenset(k.id for k in KINDS if k.community)

FOCUS_GROUPS: tuple[Term, ...] = (
    Term("gene", "Genes", "Groups for one specific genetic form."),
    Term("syndrome", "Syndromes", "Groups for a named syndrome."),
    Term("cause", "Causes", "Environmental or pregnancy-related causes."),
    Term("broad", "Broad", "Broader cerebellar, neurological or rare-disease focus."),
    Term("family", "Family support", "Help for parents, brothers and sisters, and carers."),
)

FOCUS_TERMS: tuple[FocusTerm, ...] = (
    # Genes named in the seed article; their family groups also belong under the broad condition.
    FocusTerm(
        "CACNA1A", "CACNA1A", "gene", "cerebellar-hypoplasia", ("CACNA1A-related disorders",)
    ),
    FocusTerm("ITPR1", "ITPR1", "gene", "cerebellar-hypoplasia", ("SCA29", "Gillespie syndrome")),
    FocusTerm("KIF1A", "KIF1A", "gene", "cerebellar-hypoplasia", ("KAND",)),
    FocusTerm("CASK", "CASK", "gene", "cerebellar-hypoplasia", ("MICPCH", "CASK-related")),
    FocusTerm("BICD2", "BICD2", "gene", "cerebellar-hypoplasia", ("SMALED2",)),
    FocusTerm("VLDLR", "VLDLR", "gene", "cerebellar-hypoplasia", ("VLDLR-CH", "dysequilibrium")),
    FocusTerm("CHD7", "CHD7", "gene", "charge"),
    FocusTerm(
        "PCH-genes",
        "PCH genes (TSEN54, EXOSC3, …)",
        "gene",
        "pch",
        ("TSEN54", "TSEN2", "TSEN34", "TSEN15", "EXOSC3", "EXOSC8", "RARS2", "VRK1", "CLP1"),
    ),
    FocusTerm(
        "joubert",
        "Joubert syndrome",
        "syndrome",
        "cerebellar-hypoplasia",
        ("molar tooth", "ciliopathy"),
    ),
    FocusTerm("charge", "CHARGE syndrome", "syndrome", "cerebellar-hypoplasia"),
    FocusTerm(
        "dandy-walker",
        "Dandy-Walker",
        "syndrome",
        "cerebellar-hypoplasia",
        ("Dandy-Walker malformation", "posterior fossa"),
    ),
    FocusTerm(
        "pch",
        "Pontocerebellar hypoplasia",
        "syndrome",
        "cerebellar-hypoplasia",
        ("PCH", "PCH2", "pontocerebellar"),
    ),
    FocusTerm("ataxia-telangiectasia", "Ataxia-telangiectasia", "syndrome", "ataxia", ("A-T",)),
    FocusTerm("friedreich-ataxia", "Friedreich's ataxia", "syndrome", "ataxia", ("FA", "FRDA")),
    FocusTerm(
        "congenital-cmv",
        "Congenital CMV",
        "cause",
        "torch",
        ("cytomegalovirus", "cCMV", "CMV"),
    ),
    FocusTerm("zika", "Zika", "cause", "torch", ("congenital Zika syndrome", "microcephaly")),
    FocusTerm(
        "torch",
        "TORCH infections",
        "cause",
        None,
        ("maternal infection", "congenital infection"),
    ),
    FocusTerm("toxoplasmosis", "Toxoplasmosis", "cause", "torch", ("toxo", "Toxoplasma")),
    FocusTerm("rubella", "Rubella", "cause", "torch", ("congenital rubella", "German measles")),
    FocusTerm(
        "herpes", "Neonatal herpes", "cause", "torch", ("HSV", "herpes simplex", "neonatal HSV")
    ),
    FocusTerm("prematurity", "Prematurity", "cause", None, ("premature birth", "preterm")),
    FocusTerm(
        "prenatal-exposure",
        "Prenatal exposure",
        "cause",
        None,
        ("substance exposure", "exposure in pregnancy"),
    ),
    FocusTerm(
        "valproate",
        "Anticonvulsant (valproate) exposure",
        "cause",
        "prenatal-exposure",
        ("fetal valproate syndrome", "FACS", "fetal anticonvulsant syndrome", "anticonvulsant"),
    ),
    FocusTerm(
        "alcohol",
        "Prenatal alcohol (FASD)",
        "cause",
        "prenatal-exposure",
        ("FASD", "fetal alcohol", "FAS"),
    ),
    FocusTerm(
        "hypoxia",
        "Hypoxia / HIE",
        "cause",
        None,
        ("HIE", "hypoxic-ischemic encephalopathy", "birth asphyxia", "lack of oxygen"),
    ),
    FocusTerm(
        "haemorrhage",
        "Cerebellar haemorrhage or stroke",
        "cause",
        None,
        ("hemorrhage", "bleed", "IVH", "perinatal stroke", "brain bleed"),
    ),
    FocusTerm(
        "cerebellar-hypoplasia",
        "Cerebellar hypoplasia",
        "broad",
        None,
        ("CBH", "cerebellum", "cerebellar"),
    ),
    FocusTerm("ataxia", "Ataxia", "broad", None, ("balance", "coordination")),
    FocusTerm("hydrocephalus", "Hydrocephalus", "broad", None, ("shunt", "spina bifida")),
    FocusTerm("epilepsy", "Epilepsy", "broad", None, ("seizures",)),
    FocusTerm("undiagnosed", "Undiagnosed", "broad", None, ("SWAN", "syndrome without a name")),
    FocusTerm("rare-disease", "Rare disease", "broad", None, ("rare disorder", "orphan disease")),
    FocusTerm(
        "disability",
        "Disability",
        "broad",
        None,
        ("special needs", "developmental disability", "special health care needs"),
    ),
    FocusTerm(
        "vision",
        "Vision and CVI",
        "broad",
        "disability",
        ("cortical visual impairment", "CVI", "low vision", "blind", "deafblind"),
    ),
    FocusTerm(
        "family-support",
        "Family support",
        "family",
        None,
        ("family", "parents", "carers"),
    ),
    FocusTerm("siblings", "Siblings", "family", "family-support", ("brothers and sisters",)),
    FocusTerm("respite", "Respite care", "family", "family-support", ("short breaks", "respite")),
    FocusTerm(
        "caregiver-wellbeing",
        "Caregiver wellbeing",
        "family",
        "family-support",
        ("mental health", "carer wellbeing", "parent stress", "counselling"),
    ),
)

MODERATION: tuple[Term, ...] = (
    Term(
        "professional",
        "Professionally moderated",
        "Posts or advice are reviewed by professionals (clinicians, trained staff).",
    ),
    Term(
        "peer",
        "Peer moderated",
        "Trained volunteers or parent peers moderate it and there are written rules.",
    ),
    Term("unmoderated", "Unmoderated", "Nobody reviews posts; take advice with care."),
    Term("unknown", "Moderation unknown", "We do not know how this group is moderated."),
)

ACTIVITY: tuple[Term, ...] = (
    Term("high", "Very active", "Members usually reply within a day."),
    Term("moderate", "Active", "Members usually reply within a week."),
    Term("low", "Quiet", "Replies are slow, or the group may be dormant."),
    Term("unknown", "Activity unknown", "We do not know how quickly members respond."),
)

FORMATS: tuple[Term, ...] = (
    Term("online", "Online", "Meets or helps online, by phone or by post."),
    Term("in_person", "In person", "Meets or helps in person."),
    Term("hybrid", "Online and in person", "Offers both online and in-person help."),
    Term(
        "unknown",
        "Format not stated",
        "The source does not say whether it meets online or in person.",
    ),
)

COSTS: tuple[Term, ...] = (
    Term("free", "Free", "Free for families."),
    Term("low", "Low cost", "A small fee or donation."),
    Term("paid", "Paid", "There is a fee or paid membership."),
    Term("unknown", "Cost unknown", "We do not know whether there is a cost."),
)

STATUSES: tuple[Term, ...] = (
    Term("active", "Active"),
    Term("inactive", "Inactive", "No longer operating, or archived by staff."),
)

# Common ISO 639-1 language names; other valid two-letter codes are shown as the code.
LANGUAGE_NAMES: dict[str, str] = {
    "ar": "Arabic",
    "de": "German",
    "en": "English",
    "es": "Spanish",
    "fr": "French",
    "it": "Italian",
    "ja": "Japanese",
    "ko": "Korean",
    "nl": "Dutch",
    "pl": "Polish",
    "pt": "Portuguese",
    "ru": "Russian",
    "tl": "Tagalog",
    "vi": "Vietnamese",
    "zh": "Chinese",
    "ase": "American Sign Language",
    "bfi": "British Sign Language",
    "sgn": "Sign language",
}


def _index(terms: Iterable[Term]) -> dict[str, Term]:
    return {t.id: t for t in terms}


KIND_BY_ID = _index(KINDS)
MODERATION_BY_ID = _index(MODERATION)
ACTIVITY_BY_ID = _index(ACTIVITY)
FORMAT_BY_ID = _index(FORMATS)
COST_BY_ID = _index(COSTS)
STATUS_BY_ID = _index(STATUSES)
FOCUS_BY_ID: dict[str, FocusTerm] = {t.id: t for t in FOCUS_TERMS}
FOCUS_GROUP_BY_ID = _index(FOCUS_GROUPS)


def focus_lookup(text: str) -> FocusTerm | None:
    """Find a focus term by id, label or synonym, ignoring case."""
    wanted = text.strip().casefold()
    for term in FOCUS_TERMS:
        if wanted in (term.id.casefold(), term.label.casefold()):
            return term
    for term in FOCUS_TERMS:
        if wanted in (s.casefold() for s in term.synonyms):
            return term
    return None


def focus_ancestors(term_id: str) -> list[str]:
    """Return the parents of a focus term, nearest first (excluding the term itself)."""
    chain: list[str] = []
    parent = FOCUS_BY_ID[term_id].parent
    while parent is not None and parent not in chain:
        chain.append(parent)
        parent = FOCUS_BY_ID[parent].parent
    return chain


def focus_with_ancestors(term_ids: Iterable[str]) -> set[str]:
    """Return the given focus terms plus all their ancestors."""
    result: set[str] = set()
    for term_id in term_ids:
        result.add(term_id)
        result.update(focus_ancestors(term_id))
    return result


def language_label(code: str) -> str:
    """Return a readable name for an ISO 639-1 code."""
    return words(LANGUAGE_NAMES[code]) if code in LANGUAGE_NAMES else code
