/**
 */
package io.mechanist.model;

import org.eclipse.emf.ecore.EObject;

/**
 * <!-- begin-user-doc -->
 * A representation of the model object '<em><b>Shard</b></em>'.
 * <!-- end-user-doc -->
 *
 * <!-- begin-model-doc -->
 * A committed safetensors shard holding every site's rows for a contiguous range of prompts.
 * <!-- end-model-doc -->
 *
 * <p>
 * The following features are supported:
 * </p>
 * <ul>
 *   <li>{@link io.mechanist.model.Shard#getFile <em>File</em>}</li>
 *   <li>{@link io.mechanist.model.Shard#getSize <em>Size</em>}</li>
 *   <li>{@link io.mechanist.model.Shard#getSha256 <em>Sha256</em>}</li>
 *   <li>{@link io.mechanist.model.Shard#getFirstPrompt <em>First Prompt</em>}</li>
 *   <li>{@link io.mechanist.model.Shard#getPromptCount <em>Prompt Count</em>}</li>
 *   <li>{@link io.mechanist.model.Shard#getRowCount <em>Row Count</em>}</li>
 * </ul>
 *
 * @see io.mechanist.model.MechanistPackage#getShard()
 * @model
 * @generated
 */
public interface Shard extends EObject {
	/**
	 * Returns the value of the '<em><b>File</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>File</em>' attribute.
	 * @see #setFile(String)
	 * @see io.mechanist.model.MechanistPackage#getShard_File()
	 * @model
	 * @generated
	 */
	String getFile();

	/**
	 * Sets the value of the '{@link io.mechanist.model.Shard#getFile <em>File</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>File</em>' attribute.
	 * @see #getFile()
	 * @generated
	 */
	void setFile(String value);

	/**
	 * Returns the value of the '<em><b>Size</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Size</em>' attribute.
	 * @see #setSize(long)
	 * @see io.mechanist.model.MechanistPackage#getShard_Size()
	 * @model
	 * @generated
	 */
	long getSize();

	/**
	 * Sets the value of the '{@link io.mechanist.model.Shard#getSize <em>Size</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Size</em>' attribute.
	 * @see #getSize()
	 * @generated
	 */
	void setSize(long value);

	/**
	 * Returns the value of the '<em><b>Sha256</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Sha256</em>' attribute.
	 * @see #setSha256(String)
	 * @see io.mechanist.model.MechanistPackage#getShard_Sha256()
	 * @model
	 * @generated
	 */
	String getSha256();

	/**
	 * Sets the value of the '{@link io.mechanist.model.Shard#getSha256 <em>Sha256</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Sha256</em>' attribute.
	 * @see #getSha256()
	 * @generated
	 */
	void setSha256(String value);

	/**
	 * Returns the value of the '<em><b>First Prompt</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>First Prompt</em>' attribute.
	 * @see #setFirstPrompt(int)
	 * @see io.mechanist.model.MechanistPackage#getShard_FirstPrompt()
	 * @model
	 * @generated
	 */
	int getFirstPrompt();

	/**
	 * Sets the value of the '{@link io.mechanist.model.Shard#getFirstPrompt <em>First Prompt</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>First Prompt</em>' attribute.
	 * @see #getFirstPrompt()
	 * @generated
	 */
	void setFirstPrompt(int value);

	/**
	 * Returns the value of the '<em><b>Prompt Count</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Prompt Count</em>' attribute.
	 * @see #setPromptCount(int)
	 * @see io.mechanist.model.MechanistPackage#getShard_PromptCount()
	 * @model
	 * @generated
	 */
	int getPromptCount();

	/**
	 * Sets the value of the '{@link io.mechanist.model.Shard#getPromptCount <em>Prompt Count</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Prompt Count</em>' attribute.
	 * @see #getPromptCount()
	 * @generated
	 */
	void setPromptCount(int value);

	/**
	 * Returns the value of the '<em><b>Row Count</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Row Count</em>' attribute.
	 * @see #setRowCount(long)
	 * @see io.mechanist.model.MechanistPackage#getShard_RowCount()
	 * @model
	 * @generated
	 */
	long getRowCount();

	/**
	 * Sets the value of the '{@link io.mechanist.model.Shard#getRowCount <em>Row Count</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Row Count</em>' attribute.
	 * @see #getRowCount()
	 * @generated
	 */
	void setRowCount(long value);

} // Shard
