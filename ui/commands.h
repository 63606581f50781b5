#pragma once

#include <core/domain/actor.h>
#include <core/domain/event.h>
#include <core/storage/store.h>

#include <QUndoCommand>

#include <functional>

namespace Entente::Ui {

/// Reports what a command did (or why it failed) to the window: refresh views, show errors.
struct CommandContext
{
    Core::Store *store = nullptr;
    std::function<void(const QString &error)> onError;
    std::function<void()> onChanged;
};

/// Undoable manual changes. Each redo/undo is one store transaction with its audit-log entry; a
/// command whose first redo fails marks itself obsolete, so it never enters the undo stack and
/// the error reaches the user with nothing changed.
class TagCommand final : public QUndoCommand
{
public:
    TagCommand(CommandContext ctx, QList<qint64> articles, QStringList tags, bool add);
    void redo() override;
    void undo() override;

private:
    CommandContext m_ctx;
    QList<qint64> m_articles;
    QStringList m_tags;
    bool m_add;
};

class EventStatusCommand final : public QUndoCommand
{
public:
    EventStatusCommand(CommandContext ctx, qint64 eventId, Core::ReviewStatus before, Core::ReviewStatus after);
    void redo() override;
    void undo() override;

private:
    CommandContext m_ctx;
    qint64 m_id;
    Core::ReviewStatus m_before;
    Core::ReviewStatus m_after;
};

class EditEventCommand final : public QUndoCommand
{
public:
    EditEventCommand(CommandContext ctx, Core::Event before, Core::Event after);
    void redo() override;
    void undo() override;

private:
    CommandContext m_ctx;
    Core::Event m_before;
    Core::Event m_after;
};

class ManualEventCommand final : public QUndoCommand
{
public:
    ManualEventCommand(CommandContext ctx, Core::Event event);
    void redo() override;
    void undo() override;
    qint64 eventId() const { return m_event.id; }

private:
    CommandContext m_ctx;
    Core::Event m_event;
};

class AliasCommand final : public QUndoCommand
{
public:
    AliasCommand(CommandContext ctx, Core::Alias alias);
    void redo() override;
    void undo() override;
    qint64 aliasId() const { return m_alias.id; }

private:
    CommandContext m_ctx;
    Core::Alias m_alias;
};

} // namespace Entente::Ui
