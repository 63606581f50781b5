#pragma once

#include <core/domain/actor.h>
#include <core/domain/event.h>

#include <QDialog>

class QComboBox;
class QLineEdit;
class QDateEdit;
class QCheckBox;
class QLabel;

namespace Entente::Ui {

/// Edits one event (for review edits and "New event from selection"). Actor fields complete from
/// the known actor codes; the date takes the product's forms (2016-08-16, 2016-08, 2016-summer, 2016).
class EventEditorDialog final : public QDialog
{
    Q_OBJECT
public:
    EventEditorDialog(const Core::Event &event, const QStringList &actorCodes, QWidget *parent = nullptr);
    /// The edited event, or an error message in `error` when a field does not parse.
    Core::Event event(QString *error) const;

    QComboBox *typeBox() const { return m_type; }
    QLineEdit *sourceEdit() const { return m_source; }
    QLineEdit *targetEdit() const { return m_target; }
    QLineEdit *dateEdit() const { return m_date; }

    void accept() override;

private:
    Core::Event m_event;
    QComboBox *m_type;
    QLineEdit *m_source;
    QLineEdit *m_sourceRole;
    QLineEdit *m_target;
    QLineEdit *m_targetRole;
    QLineEdit *m_location;
    QLineEdit *m_date;
    QComboBox *m_polarity;
    QComboBox *m_modality;
    QLabel *m_error;
};

/// "Treat ‘Zarif’ as…": maps a name in the text to an actor and role, optionally for a period.
class AliasDialog final : public QDialog
{
    Q_OBJECT
public:
    AliasDialog(const QString &name, const QStringList &actorCodes, QWidget *parent = nullptr);
    Core::Alias alias() const;
    QLineEdit *actorEdit() const { return m_actor; }
    QComboBox *roleBox() const { return m_role; }

    void accept() override;

private:
    QLineEdit *m_name;
    QLineEdit *m_actor;
    QComboBox *m_role;
    QCheckBox *m_limited;
    QDateEdit *m_from;
    QDateEdit *m_to;
    QLabel *m_error;
    QStringList m_codes;
};

} // namespace Entente::Ui
