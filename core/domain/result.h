#pragma once

#include <QString>

#include <optional>
#include <utility>
#include <variant>

namespace Entente::Core {

/// A recoverable failure carried as a value (I/O, parsing, SQL). `message` is written for a person.
struct Error
{
    enum class Code {
        Io,
        Parse,
        Database,
        NotADatabase,
        SchemaTooNew,
        ReadOnly,
        Usage,
        NotFound,
        Duplicate,
        TooLarge,
        Unsupported,
        Cancelled,
        Dictionary,
    };
    Code code = Code::Io;
    QString message;
};

/// Value or Error. Small on purpose, in the spirit of std::expected (not available in our toolchain's C++20).
template <typename T>
class [[nodiscard]] Result
{
public:
    Result(T value) : m_data(std::move(value)) {}
    Result(Error error) : m_data(std::move(error)) {}

    bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }
    T &value() { return std::get<0>(m_data); }
    const T &value() const { return std::get<0>(m_data); }
    T &operator*() { return value(); }
    const T &operator*() const { return value(); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }
    const Error &error() const { return std::get<1>(m_data); }
    T valueOr(T fallback) const { return ok() ? value() : std::move(fallback); }

private:
    std::variant<T, Error> m_data;
};

/// Result of an operation with no value.
class [[nodiscard]] Status
{
public:
    Status() = default;
    Status(Error error) : m_error(std::move(error)) {}
    static Status success() { return {}; }

    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const Error &error() const { return *m_error; }

private:
    std::optional<Error> m_error;
};

inline Error makeError(Error::Code code, QString message)
{
    return Error{code, std::move(message)};
}

} // namespace Entente::Core
