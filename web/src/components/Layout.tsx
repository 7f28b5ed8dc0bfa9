import { NavLink, Navigate, Route, Routes } from 'react-router';
import { ROLE_LABELS } from '../format/roles';
import { pagesFor } from '../pages/pages';
import { useViewer } from '../session/viewer';

/** Header, the menu of the pages the token allows, and the page. */
export function Layout({ onSignOut }: { onSignOut: () => void }) {
  const viewer = useViewer();
  const pages = pagesFor(viewer);
  return (
    <>
      <a className="skip-link" href="#noi-dung">
        Bỏ qua thanh điều hướng
      </a>
      <header className="top">
        <div className="brand">
          <strong>PAR Ledger</strong>
          <span>Chỉ số CCHC tỉnh Quảng Nam</span>
        </div>
        <div className="who">
          <span data-testid="viewer-name">{viewer.name}</span>
          <span className="roles">
            {viewer.roles.map((r) => ROLE_LABELS[r] ?? r).join(', ')}
            {viewer.agencyCode ? ` · ${viewer.agencyCode}` : ''}
          </span>
          <button type="button" onClick={onSignOut}>
            Đăng xuất
          </button>
        </div>
      </header>
      <nav className="menu" aria-label="Trang">
        {pages.map((page) => (
          <NavLink key={page.path} to={page.path}>
            {page.title}
          </NavLink>
        ))}
      </nav>
      <main id="noi-dung" tabIndex={-1}>
        <Routes>
          {pages.map((page) => (
            <Route key={page.path} path={page.path} element={<page.component />} />
          ))}
          <Route path="*" element={pages.length > 0 ? <Navigate to={pages[0].path} replace /> : <p>Tài khoản này chưa được giao quyền xem trang nào.</p>} />
        </Routes>
      </main>
    </>
  );
}
