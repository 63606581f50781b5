#include "commands.h"

#include <core/storage/eventrepository.h>

namespace Entente::Ui {

namespace {
bool report(QUndoCommand *cmd, const CommandContext &ctx, const Core::Status &st, bool firstRun)
{
    if (!st.ok()) {
        if (ctx.onError) {
            ctx.onError(st.error().message);
        }
        if (firstRun) {
            cmd->setObsolete(true);
        }
        return false;
    }
    if (ctx.onChanged) {
        ctx.onChanged();
    }
    return true;
}
} // namespace

TagCommand::TagCommand(CommandContext ctx, QList<qint64> articles, QStringList tags, bool add)
    : m_ctx(std::move(ctx)), m_articles(std::move(articles)), m_tags(std::move(tags)), m_add(add)
{
    setText((add ? QStringLiteral("Tag “%1”") : QStringLiteral("Untag “%1”")).arg(m_tags.join(QStringLiteral(", "))));
}

void TagCommand::redo()
{
    const auto st = m_add ? m_ctx.store->tagArticles(m_articles, m_tags)
                          : m_ctx.store->untagArticles(m_articles, m_tags);
    report(this, m_ctx, st, true);
}

void TagCommand::undo()
{
    const auto st = m_add ? m_ctx.store->untagArticles(m_articles, m_tags)
                          : m_ctx.store->tagArticles(m_articles, m_tags);
    report(this, m_ctx, st, false);
}

EventStatusCommand::EventStatusCommand(CommandContext ctx, qint64 eventId, Core::ReviewStatus before,
                                       Core::ReviewStatus after)
    : m_ctx(std::move(ctx)), m_id(eventId), m_before(before), m_after(after)
{
    setText(QStringLiteral("Mark event %1 %2").arg(eventId).arg(Core::reviewStatusName(after)));
}

void EventStatusCommand::redo()
{
    report(this, m_ctx, m_ctx.store->setEventStatus(m_id, m_after), true);
}

void EventStatusCommand::undo()
{
    report(this, m_ctx, m_ctx.store->setEventStatus(m_id, m_before), false);
}

EditEventCommand::EditEventCommand(CommandContext ctx, Core::Event before, Core::Event after)
    : m_ctx(std::move(ctx)), m_before(std::move(before)), m_after(std::move(after))
{
    setText(QStringLiteral("Edit event %1").arg(m_before.id));
}

void EditEventCommand::redo()
{
    report(this, m_ctx, m_ctx.store->updateEvent(m_after), true);
}

void EditEventCommand::undo()
{
    // Restores every field, the status included.
    Core::Event restore = m_before;
    const Core::Status st = m_ctx.store->updateEvent(restore);
    if (st.ok() && restore.status != Core::ReviewStatus::Edited) {
        report(this, m_ctx, m_ctx.store->setEventStatus(restore.id, m_before.status), false);
        return;
    }
    report(this, m_ctx, st, false);
}

ManualEventCommand::ManualEventCommand(CommandContext ctx, Core::Event event)
    : m_ctx(std::move(ctx)), m_event(std::move(event))
{
    setText(QStringLiteral("New %1 event").arg(Core::eventTypeName(m_event.type)));
}

void ManualEventCommand::redo()
{
    const auto id = m_ctx.store->addManualEvent(m_event);
    if (!id) {
        report(this, m_ctx, id.error(), m_event.id == 0);
        return;
    }
    m_event.id = *id;
    report(this, m_ctx, Core::Status{}, true);
}

void ManualEventCommand::undo()
{
    report(this, m_ctx, m_ctx.store->deleteEvent(m_event.id), false);
}

AliasCommand::AliasCommand(CommandContext ctx, Core::Alias alias) : m_ctx(std::move(ctx)), m_alias(std::move(alias))
{
    setText(QStringLiteral("Treat “%1” as %2").arg(m_alias.alias, m_alias.actorCode));
}

void AliasCommand::redo()
{
    const auto id = m_ctx.store->addAlias(m_alias);
    if (!id) {
        report(this, m_ctx, id.error(), m_alias.id == 0);
        return;
    }
    m_alias.id = *id;
    report(this, m_ctx, Core::Status{}, true);
}

void AliasCommand::undo()
{
    report(this, m_ctx, m_ctx.store->removeAlias(m_alias.id), false);
}

} // namespace Entente::Ui
