"""What an amendment leaves in force (generator.checking.amendments), in our own words."""

from __future__ import annotations

import pytest

from generator.checking.amendments import in_force, without_marker


def test_quoted_words_deleted_are_taken_out_and_the_inserted_words_stay():
    assert in_force('Section 16 is amended by deleting "Connecticut" and inserting "Delaware".') == (
        'Section 16 is amended by deleting "" and inserting "Delaware".')


def test_replacing_takes_out_only_what_is_replaced():
    assert in_force('Clause 4 is amended by replacing "may" with "shall".') == 'Clause 4 is amended by replacing "" with "shall".'


def test_a_part_named_and_deleted_leaves_nothing():
    assert in_force("Section 8.2, under which the Vendor shall encrypt Student Data, is hereby deleted in its entirety.") == ""


def test_a_part_deleted_and_replaced_leaves_its_replacement():
    assert in_force('Section 9 is deleted in its entirety and replaced with "The Vendor shall return all data."') == (
        'and replaced with "The Vendor shall return all data."')


def test_a_described_sentence_deleted_is_taken_out_up_to_what_replaces_it():
    text = "Section 6 is amended by deleting its last sentence, which required notice within ten days, so that notice is due promptly."
    assert in_force(text) == "Section 6 is amended by , so that notice is due promptly."


@pytest.mark.parametrize("text", [
    "The Vendor shall delete Student Data within 30 days after the District asks.",
    "Student records are deleted from backups within 90 days.",
    "If any provision is held invalid, it is deemed deleted and the rest of this Agreement stays in force.",
    "The Vendor shall replace any lost device within five days.",
])
def test_a_sentence_that_amends_nothing_is_read_as_it_is(text):
    assert in_force(text) == text


def test_a_part_deleted_leaves_the_new_duty_said_after_it():
    assert in_force("Section 20, under which California law governed, is repealed, and this Agreement is governed by the laws "
                    "of Connecticut.") == "and this Agreement is governed by the laws of Connecticut."


def test_replacing_a_described_reference_keeps_what_replaces_it():
    assert in_force("Section 20 is amended by replacing the prior reference to California law with a reference to "
                    "Connecticut law.") == "Section 20 is amended by with a reference to Connecticut law."


def test_a_clause_a_court_strikes_down_is_no_amendment():
    text = "Any clause that a court strikes down shall be removed only to the extent necessary, and all other clauses continue."
    assert in_force(text) == text


def test_a_numbered_item_that_deletes_a_part_leaves_nothing():
    assert in_force("2. Section 8, under which the Vendor shall protect Student Data, is deleted in its entirety.") == ""


@pytest.mark.parametrize("text, bare", [
    ("3. Section 7 is amended to read as follows.", "Section 7 is amended to read as follows."),
    ("(b) the Vendor shall delete the data.", "the Vendor shall delete the data."),
    ("§ 4.2 Previously, we kept the data.", "Previously, we kept the data."),
    ("The Vendor shall delete the data.", "The Vendor shall delete the data."),
])
def test_a_list_items_number_is_not_what_the_sentence_opens_with(text, bare):
    assert without_marker(text) == bare
