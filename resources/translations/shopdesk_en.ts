<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AftersalesPage</name>
    <message numerus="yes">
        <source>Filters (%n)</source>
        <translation>
            <numerusform>Filters (%n)</numerusform>
            <numerusform>Filters (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AftersalesRulesDialog</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CustomerDialog</name>
    <message numerus="yes">
        <source>%n order(s)</source>
        <translation>
            <numerusform>%n order</numerusform>
            <numerusform>%n orders</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n open case(s)</source>
        <translation>
            <numerusform>%n open case</numerusform>
            <numerusform>%n open cases</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>After-sales (%n)</source>
        <translation>
            <numerusform>After-sales (%n)</numerusform>
            <numerusform>After-sales (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CustomersPage</name>
    <message numerus="yes">
        <source>Filters (%n)</source>
        <translation>
            <numerusform>Filters (%n)</numerusform>
            <numerusform>Filters (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Add tags to %n customer(s)</source>
        <translation>
            <numerusform>Add tags to %n customer</numerusform>
            <numerusform>Add tags to %n customers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove tags from %n customer(s)</source>
        <translation>
            <numerusform>Remove tags from %n customer</numerusform>
            <numerusform>Remove tags from %n customers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Set the group of %n customer(s)</source>
        <translation>
            <numerusform>Set the group of %n customer</numerusform>
            <numerusform>Set the group of %n customers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Move %n customer(s) to the trash? Their orders, notes and cases go with them; you can restore them from the trash (More &gt; Trash…) or undo with Ctrl+Z.</source>
        <translation>
            <numerusform>Move %n customer to the trash? Their orders, notes and cases go with them; you can restore them from the trash (More &gt; Trash…) or undo with Ctrl+Z.</numerusform>
            <numerusform>Move %n customers to the trash? Their orders, notes and cases go with them; you can restore them from the trash (More &gt; Trash…) or undo with Ctrl+Z.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Move %n customer(s) to the trash</source>
        <translation>
            <numerusform>Move %n customer to the trash</numerusform>
            <numerusform>Move %n customers to the trash</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DuplicatesDialog</name>
    <message numerus="yes">
        <source>%n group(s) of customers look like the same buyer. Select two customers of a group, choose the one to keep, and merge them.</source>
        <translation>
            <numerusform>%n group of customers looks like the same buyer. Select two customers of a group, choose the one to keep, and merge them.</numerusform>
            <numerusform>%n groups of customers look like the same buyer. Select two customers of a group, choose the one to keep, and merge them.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EvidencePanel</name>
    <message numerus="yes">
        <source>Adding %n photo(s)…</source>
        <translation>
            <numerusform>Adding %n photo…</numerusform>
            <numerusform>Adding %n photos…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Add %n photo(s)</source>
        <translation>
            <numerusform>Add %n photo</numerusform>
            <numerusform>Add %n photos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Added %n photo(s).</source>
        <translation>
            <numerusform>Added %n photo.</numerusform>
            <numerusform>Added %n photos.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) were already on this case.</source>
        <translation>
            <numerusform>%n photo was already on this case.</numerusform>
            <numerusform>%n photos were already on this case.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) could not be added.</source>
        <translation>
            <numerusform>%n file could not be added.</numerusform>
            <numerusform>%n files could not be added.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) could not be added:</source>
        <translation>
            <numerusform>%n file could not be added:</numerusform>
            <numerusform>%n files could not be added:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Change the kind of %n photo(s)</source>
        <translation>
            <numerusform>Change the kind of %n photo</numerusform>
            <numerusform>Change the kind of %n photos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove %n photo(s)</source>
        <translation>
            <numerusform>Remove %n photo</numerusform>
            <numerusform>Remove %n photos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Moved %n photo(s) to the trash (Ctrl+Z brings them back).</source>
        <translation>
            <numerusform>Moved %n photo to the trash (Ctrl+Z brings them back).</numerusform>
            <numerusform>Moved %n photos to the trash (Ctrl+Z brings them back).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) are missing from disk and are only listed.</source>
        <translation>
            <numerusform>%n photo is missing from disk and is only listed.</numerusform>
            <numerusform>%n photos are missing from disk and are only listed.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message numerus="yes">
        <source>Only the %n selected row(s)</source>
        <translation>
            <numerusform>Only the %n selected row</numerusform>
            <numerusform>Only the %n selected rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n row(s) to {path}</source>
        <translation>
            <numerusform>Exported %n row to {path}</numerusform>
            <numerusform>Exported %n rows to {path}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GroupsModel</name>
    <message numerus="yes">
        <source>%n phrase(s)</source>
        <translation>
            <numerusform>%n phrase</numerusform>
            <numerusform>%n phrases</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message numerus="yes">
        <source>%Ln new</source>
        <translation>
            <numerusform>%Ln new</numerusform>
            <numerusform>%Ln new</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln changed</source>
        <translation>
            <numerusform>%Ln changed</numerusform>
            <numerusform>%Ln changed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln duplicate(s), left out</source>
        <translation>
            <numerusform>%Ln duplicate, left out</numerusform>
            <numerusform>%Ln duplicates, left out</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln error(s)</source>
        <translation>
            <numerusform>%Ln error</numerusform>
            <numerusform>%Ln errors</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LintDialog</name>
    <message numerus="yes">
        <source>%n problem(s) found.</source>
        <translation>
            <numerusform>%n problem found.</numerusform>
            <numerusform>%n problems found.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ListPage</name>
    <message numerus="yes">
        <source>%Ln row(s)</source>
        <translation>
            <numerusform>%Ln row</numerusform>
            <numerusform>%Ln rows</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%n follow-up(s) due today or overdue</source>
        <translation>
            <numerusform>%n follow-up due today or overdue</numerusform>
            <numerusform>%n follow-ups due today or overdue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n case deadline(s) today or overdue</source>
        <translation>
            <numerusform>%n case deadline today or overdue</numerusform>
            <numerusform>%n case deadlines today or overdue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>and %n more</numerusform>
            <numerusform>and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n follow-up(s) due</source>
        <translation>
            <numerusform>%n follow-up due</numerusform>
            <numerusform>%n follow-ups due</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n case deadline(s) coming up</source>
        <translation>
            <numerusform>%n case deadline coming up</numerusform>
            <numerusform>%n case deadlines coming up</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n reminder(s)</source>
        <translation>
            <numerusform>%n reminder</numerusform>
            <numerusform>%n reminders</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RepliesPage</name>
    <message numerus="yes">
        <source>%Ln phrase(s)</source>
        <translation>
            <numerusform>%Ln phrase</numerusform>
            <numerusform>%Ln phrases</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete the group “{name}” and its %n phrase(s)? Ctrl+Z brings them back.</source>
        <translation>
            <numerusform>Delete the group “{name}” and its %n phrase? Ctrl+Z brings them back.</numerusform>
            <numerusform>Delete the group “{name}” and its %n phrases? Ctrl+Z brings them back.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n starter phrase(s) added</source>
        <translation>
            <numerusform>%n starter phrase added</numerusform>
            <numerusform>%n starter phrases added</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln phrase(s) exported to {name}.</source>
        <translation>
            <numerusform>%Ln phrase exported to {name}.</numerusform>
            <numerusform>%Ln phrases exported to {name}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln without a code left out: the Sogou file needs a code for each phrase.</source>
        <translation>
            <numerusform>%Ln without a code left out: the Sogou file needs a code for each phrase.</numerusform>
            <numerusform>%Ln without a code left out: the Sogou file needs a code for each phrase.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TagManagerDialog</name>
    <message numerus="yes">
        <source>Tags in “{category}”: %n</source>
        <translation>
            <numerusform>Tags in “{category}”: %n</numerusform>
            <numerusform>Tags in “{category}”: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tag(s) in it will be deleted too.</source>
        <translation>
            <numerusform>%n tag in it will be deleted too.</numerusform>
            <numerusform>%n tags in it will be deleted too.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s) will lose them.</source>
        <translation>
            <numerusform>%n customer will lose them.</numerusform>
            <numerusform>%n customers will lose them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s) carry it and will lose it.</source>
        <translation>
            <numerusform>%n customer carries it and will lose it.</numerusform>
            <numerusform>%n customers carry it and will lose it.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message numerus="yes">
        <source>%Ln case(s)</source>
        <translation>
            <numerusform>%Ln case</numerusform>
            <numerusform>%Ln cases</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln overdue</source>
        <translation>
            <numerusform>%Ln overdue</numerusform>
            <numerusform>%Ln overdue</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrashDialog</name>
    <message numerus="yes">
        <source>%n customer(s) in the trash. Their orders, notes and cases stay with them until the trash is emptied.</source>
        <translation>
            <numerusform>%n customer in the trash. Their orders, notes and cases stay with them until the trash is emptied.</numerusform>
            <numerusform>%n customers in the trash. Their orders, notes and cases stay with them until the trash is emptied.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Restore %n customer(s)</source>
        <translation>
            <numerusform>Restore %n customer</numerusform>
            <numerusform>Restore %n customers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete the %n customer(s) in the trash for good?</source>
        <translation>
            <numerusform>Delete the %n customer in the trash for good?</numerusform>
            <numerusform>Delete the %n customers in the trash for good?</numerusform>
        </translation>
    </message>
</context>
</TS>
